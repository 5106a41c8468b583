// Doudi: Tasklist configuration (replaces the webapp's own config.js, which only holds the defaults
// repeated below). Every option of Camunda's file is still available; see its documentation.
export default {
  // Scripts of ours loaded before Tasklist starts, relative to /camunda/app/tasklist/.
  customScripts: [
    // 督办: staff see the task that is due first at the top of every list (Tasklist's own default is
    // "newest first"); a sorting the user picks in the list is kept.
    'scripts/doudi/due-date-first',
    // 发起流程: the new case's number and a link to its file once the application is started.
    'scripts/doudi/started-case',
    // The forms' own checks in Chinese, naming the field (form-js says "Field is required." and shows patterns).
    'scripts/doudi/form-messages',
    // Dates in China Standard Time, the date picker and the app menu in Chinese (all four webapps share it;
    // docs/webapps-zh.md).
    '../doudi/zh-cn'
  ],

  // Chinese only (docs/webapps-zh.md): staff see Chinese whatever their browser's language. The file is
  // locales/zh-cn.json next to this folder; WebappLocalesTest keeps it complete.
  locales: {
    availableLocales: ['zh-cn'],
    fallbackLocale: 'zh-cn'
  },

  // The name in the header and the page title ("兜底 任务列表" instead of "Camunda Tasklist").
  app: {
    vendor: '兜底',
    name: '任务列表'
  },

  // The login page's "first time here? see the Camunda Welcome Page" box links to an English page.
  disableWelcomeMessage: true,

  // The shortcuts' descriptions are shown as they are in the keyboard shortcuts dialog (键盘快捷键).
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
