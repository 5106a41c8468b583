// Doudi: what the Chinese locale files (app/<app>/locales/zh-cn.json) cannot do by themselves, for all four
// webapps (each app's scripts/config.js loads this file as a custom script, before Angular starts).
//
// 1. Dates in China Standard Time (Asia/Shanghai, UTC+8, no daylight saving since 1991) whatever the time zone
//    of the computer: the webapps format every date with moment.js in the browser's zone, and a server or a
//    laptop set to UTC would show a township's deadlines eight hours off. moment's `updateOffset` hook (the one
//    moment-timezone uses) puts every moment that was not asked for in UTC at +08:00; a date typed without a
//    zone ("2026-03-01T09:00:00", as the webapps write dates into their own search fields) is read as China
//    time. The footer then names the zone shown.
// 2. The date picker (Angular UI Bootstrap's, in Tasklist's due and follow-up dates and in Cockpit) in Chinese:
//    it takes its month and day names from Angular's $locale, which the webapps ship only in English. The
//    picker works with the browser's clock; on a computer set to China Standard Time (every staff computer)
//    that is China time, elsewhere the picker's clock is read as China time (docs/webapps-zh.md).
// 3. The names of the apps in the header's app menu, which the webapps do not translate.
// 4. <html lang="zh-CN">, so that the browser picks a Chinese font for the Han characters.
//
// The Camunda 8 banner is hidden in each app's styles/user-styles.css: 7.24 shows it to every community
// edition and has no setting for it. See docs/webapps-zh.md.

const CHINA_OFFSET_MINUTES = 8 * 60;
const CHINA_ZONE = 'Asia/Shanghai';

const APP_LABELS = { welcome: '欢迎', admin: '系统管理', cockpit: '驾驶舱', tasklist: '任务列表' };

const DATETIME_FORMATS = {
  AMPMS: ['上午', '下午'],
  DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  ERANAMES: ['公元前', '公元'],
  ERAS: ['公元前', '公元'],
  FIRSTDAYOFWEEK: 0, // Monday (Angular counts from Monday)
  MONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  STANDALONEMONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  WEEKENDRANGE: [5, 6],
  fullDate: 'y年M月d日EEEE',
  longDate: 'y年M月d日',
  medium: 'y年M月d日 HH:mm:ss',
  mediumDate: 'y年M月d日',
  mediumTime: 'HH:mm:ss',
  short: 'y-MM-dd HH:mm',
  shortDate: 'y-MM-dd',
  shortTime: 'HH:mm'
};

document.documentElement.lang = 'zh-CN';

/**
 * The webapps' own moment.js. It is bundled in lib/deps.js and not exported; webpack's chunk list hands its
 * module loader to a "chunk" we add, and the loader finds moment's module by its source (the core module is the
 * one that declares the empty updateOffset hook).
 */
function webappsMoment() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  let load = null;
  // a chunk id never loaded before, so that webpack runs the callback
  chunks.push([['doudi-zh-cn-' + Date.now()], {}, (webpackRequire) => { load = webpackRequire; }]);
  if (!load || !load.m) {
    return null;
  }
  for (const id of Object.keys(load.m)) {
    const source = Function.prototype.toString.call(load.m[id]);
    if (source.includes('.updateOffset=function(){}') && source.includes('defineLocale')) {
      const moment = load(id);
      return moment && typeof moment.updateOffset === 'function' && moment.version ? moment : null;
    }
  }
  return null;
}

/**
 * Text, a list or an object of date parts without a zone ("2026-03-01T09:00:00", as the webapps themselves
 * format dates for their search fields): a time in China. A Date, a number, "…+0800" or "…Z" is an instant.
 */
function isWallClock(m) {
  const input = m._i;
  if (m._tzm !== undefined || input == null || input instanceof Date || input._isAMomentObject) {
    return false;
  }
  if (typeof input === 'string') {
    return m._f !== undefined; // parsed by a format (ISO 8601 or given), not by the browser's Date
  }
  return typeof input === 'object'; // [2026, 2, 1, 9] or {year: 2026, …}
}

/** A Date's clock in the browser's zone, as zone-less text: 2001-01-02T17:00:00. */
function clock(date) {
  const two = (n) => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) + 'T'
      + two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
}

function showDatesInChinaTime(moment) {
  moment.updateOffset = function (m, keepTime) {
    if (m._doudiZone === undefined) {
      if (m._isUTC) {
        m._doudiZone = false; // moment.utc() or a parsed zone kept on purpose: left as asked
        return;
      }
      if (isWallClock(m) && m.isValid()) {
        // read in the browser's zone; the same wall-clock time in China instead
        const d = m._d;
        m._d = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(),
            d.getSeconds(), d.getMilliseconds()) - CHINA_OFFSET_MINUTES * 60000);
      }
      m._doudiZone = true;
    }
    if (m._doudiZone === true && m.utcOffset() !== CHINA_OFFSET_MINUTES) {
      m.utcOffset(CHINA_OFFSET_MINUTES, keepTime);
    }
  };
  // a copy (clone, min, max …) keeps the mark, as moment-timezone's `_z` does
  moment.momentProperties.push('_doudiZone');
}

const moment = webappsMoment();
if (moment) {
  showDatesInChinaTime(moment);
} else {
  console.warn('Doudi: moment.js not found, dates are shown in the browser\'s time zone');
}

const angular = window.angular;
const base = document.querySelector('base');
const appName = base && base.getAttribute('app-name');
if (angular && appName) {
  // The app's custom module is bootstrapped last, so its configuration sees every directive of the app.
  const custom = angular.module('cam.' + appName + '.custom');

  custom.config(['$provide', function ($provide) {
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
      const footer = $delegate[0];
      const link = footer.link;
      footer.compile = function () {
        return function (scope) {
          link.apply(this, arguments);
          if (moment) {
            scope.timezoneName = CHINA_ZONE + '（北京时间）';
          }
        };
      };
      return $delegate;
    }]);

    // The inline date field (due and follow-up dates, date variables) hands the picker a Date whose clock in
    // the browser's zone is the time in China, and saves that clock as a zone-less text (China time, see
    // above); its preview above the picker reads the Date the same way.
    $provide.decorator('camWidgetInlineFieldDirective', ['$delegate', function ($delegate) {
      const field = $delegate[0];
      if (typeof field.template === 'string') {
        field.template = field.template.split('formData.dateValue | camDate').join('formData.dateValue | doudiPickedDate');
      }
      return $delegate;
    }]);

    $provide.decorator('camWidgetHeaderDirective', ['$delegate', function ($delegate) {
      const header = $delegate[0];
      const controller = header.controller;
      const deps = controller.slice(0, -1);
      const construct = controller[controller.length - 1];
      header.controller = deps.concat([function () {
        construct.apply(this, arguments);
        const scope = arguments[0];
        scope.$watch('apps', function (apps) {
          Object.keys(apps || {}).forEach(function (name) {
            if (APP_LABELS[name]) {
              apps[name].label = APP_LABELS[name];
            }
          });
        });
      }]);
      return $delegate;
    }]);
  }]);

  custom.filter('doudiPickedDate', ['camDateFilter', function (camDate) {
    return function (value, format) {
      const picked = typeof value === 'number' ? new Date(value) : value;
      return picked instanceof Date && !isNaN(picked) ? camDate(clock(picked), format) : camDate(value, format);
    };
  }]);

  custom.run(['$injector', '$locale', function ($injector, $locale) {
    $locale.id = 'zh-cn';
    Object.assign($locale.DATETIME_FORMATS, DATETIME_FORMATS);
    if ($injector.has('uibDatepickerConfig')) {
      Object.assign($injector.get('uibDatepickerConfig'), {
        formatDayTitle: 'y年M月',
        formatMonthTitle: 'y年',
        formatMonth: 'MMM',
        startingDay: 1
      });
    }
    if ($injector.has('uibDatepickerPopupConfig')) {
      Object.assign($injector.get('uibDatepickerPopupConfig'), {
        currentText: '今天', clearText: '清除', closeText: '关闭'
      });
    }
  }]);
}

export default [];
