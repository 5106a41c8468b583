// Doudi: every form field's validation message in Chinese, naming the field.
//
// The forms (form-js, inside Tasklist) check required fields, lengths, numbers and patterns in the browser and say
// so in English ("Field is required.", "Field must match pattern ^[0-9]{12}$."). This script rewrites each such
// message where it appears, with the field's own label, and for a pattern with the field's description (what the
// field expects: "12 位统计用区划代码，例如 130102100201"), never the raw pattern. The server checks everything again
// and refuses in Chinese on its own.
const RULES = [
  [/^Field is required\.$/, (f) => '请填写「' + f.label + '」'],
  [/^Field must match pattern .*$/, (f) => '「' + f.label + '」格式不正确' + (f.description ? '：' + f.description : '')],
  [/^Field must have minimum length of (\d+)\.$/, (f, n) => '「' + f.label + '」至少 ' + n + ' 个字'],
  [/^Field must have maximum length of (\d+)\.$/, (f, n) => '「' + f.label + '」不能超过 ' + n + ' 个字'],
  [/^Field must have minimum value of (.+)\.$/, (f, n) => '「' + f.label + '」不能小于 ' + n],
  [/^Field must have maximum value of (.+)\.$/, (f, n) => '「' + f.label + '」不能大于 ' + n],
  [/^Field must be a valid email\.$/, (f) => '「' + f.label + '」不是有效的电子邮箱'],
  [/^Field must be a valid\s+international phone number.*$/, (f) => '「' + f.label + '」不是有效的电话号码'],
  [/^A number is required\.$/, (f) => '「' + f.label + '」须为数字'],
  [/^Date must match pattern .*$/, (f) => '「' + f.label + '」须为日期，如 2026-03-01'],
];

/** The field an error belongs to: its label (without the required mark) and its description. */
function fieldOf(error) {
  const field = error.closest('.fjs-form-field');
  const label = field && field.querySelector('.fjs-form-field-label');
  const description = field && field.querySelector('.fjs-form-field-description');
  return {
    label: label ? label.textContent.replace(/\s*\*\s*$/, '').trim() : '此项',
    description: description ? description.textContent.trim() : ''
  };
}

/** form-js's own words in the forms (the select's placeholder, a list's buttons). */
const WORDS = { 'Select': '请选择', 'Add new': '添加', 'Remove': '删除', 'Search': '搜索', 'No results': '无结果',
  'Not applicable': '不适用', 'Collapse': '收起', 'Expand': '展开' };

function translateText(node, field) {
  const text = node.nodeValue.trim();
  if (!text) return;
  if (field) {
    for (const [pattern, message] of RULES) {
      const m = text.match(pattern);
      if (m) {
        node.nodeValue = message(field(), m[1]);
        return;
      }
    }
  }
  if (Object.prototype.hasOwnProperty.call(WORDS, text)) node.nodeValue = node.nodeValue.replace(text, WORDS[text]);
}

function translate(root) {
  // Each text of the forms on its own: the messages under a field (whatever elements hold them), and form-js's words.
  root.querySelectorAll('.fjs-form').forEach((form) => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const error = node.parentElement && node.parentElement.closest('.fjs-form-field-error');
      translateText(node, error ? () => fieldOf(error) : null);
    }
  });
  root.querySelectorAll('.fjs-form input[placeholder="Select"], .fjs-form input[placeholder="Search"]').forEach((input) => {
    input.placeholder = WORDS[input.placeholder];
  });
}

new MutationObserver(() => translate(document)).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true });

export default [];
