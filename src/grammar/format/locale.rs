//! The time-format locale tables: d3-time-format's `en-US` and `zh-CN` definitions (date and
//! time forms, AM/PM, weekday and month names).

use super::Locale;

/// One locale's names and composite forms, as in d3-time-format's locale files.
pub struct TimeLocale {
    /// `%c`.
    pub date_time: &'static str,
    /// `%x`.
    pub date: &'static str,
    /// `%X`.
    pub time: &'static str,
    /// `%p`: before and after noon.
    pub periods: [&'static str; 2],
    /// `%A`, from Sunday.
    pub days: [&'static str; 7],
    /// `%a`, from Sunday.
    pub short_days: [&'static str; 7],
    /// `%B`.
    pub months: [&'static str; 12],
    /// `%b`.
    pub short_months: [&'static str; 12],
}

const EN: TimeLocale = TimeLocale {
    date_time: "%x, %X",
    date: "%-m/%-d/%Y",
    time: "%-I:%M:%S %p",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    short_days: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    short_months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

const ZH_MONTHS: [&str; 12] =
    ["一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"];

const ZH: TimeLocale = TimeLocale {
    date_time: "%x %A %X",
    date: "%Y年%-m月%-d日",
    time: "%H:%M:%S",
    periods: ["上午", "下午"],
    days: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    short_days: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    months: ZH_MONTHS,
    short_months: ZH_MONTHS,
};

/// The time locale of a [`Locale`].
pub fn time_locale(loc: Locale) -> &'static TimeLocale {
    match loc {
        Locale::En => &EN,
        Locale::Zh => &ZH,
    }
}
