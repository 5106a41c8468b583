// Doudi: Admin configuration (replaces the webapp's own config.js, which sets nothing). Every option of
// Camunda's file is available; see its documentation.
export default {
  // Chinese only (docs/webapps-zh.md): staff see Chinese whatever their browser's language. The file is
  // locales/zh-cn.json next to this folder; WebappLocalesTest keeps it complete.
  locales: {
    availableLocales: ['zh-cn'],
    fallbackLocale: 'zh-cn'
  },

  // The name in the header and the page title ("兜底 系统管理" instead of "Camunda Admin").
  app: {
    vendor: '兜底',
    name: '系统管理'
  },

  // Dates in China Standard Time, the date picker and the app menu in Chinese (relative to /camunda/app/admin/).
  customScripts: ['../doudi/zh-cn'],

  // The login page's "first time here? see the Camunda Welcome Page" box links to an English page.
  disableWelcomeMessage: true
};
