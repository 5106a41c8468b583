// Doudi: Tasklist configuration (replaces the webapp's own config.js, which only holds the defaults
// repeated below). Every option of Camunda's file is still available; see its documentation.
export default {
  // Scripts of ours loaded before Tasklist starts, relative to /camunda/app/tasklist/.
  customScripts: [
    // 督办: staff see the task that is due first at the top of every list (Tasklist's own default is
    // "newest first"); a sorting the user picks in the list is kept.
    'scripts/doudi/due-date-first'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
