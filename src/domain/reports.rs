//! Recruiters' reports, computed from the small grouped results the database returns
//! (`db::reports`): weeks, the pipeline funnel, medians, sources, applications per vacancy.
//! Weeks start on Monday at 00:00 UTC, like every stored time.

use time::{Duration, PrimitiveDateTime, Time};

use crate::models::Stage;

/// How many weeks the weekly chart shows.
pub const WEEKS: usize = 12;

/// Which applications the figures count: those received in the last weeks, or all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    Weeks4,
    #[default]
    Weeks12,
    Weeks26,
    Weeks52,
    All,
}

impl Period {
    pub const ALL: &'static [Period] = &[
        Period::Weeks4,
        Period::Weeks12,
        Period::Weeks26,
        Period::Weeks52,
        Period::All,
    ];

    pub fn parse(text: &str) -> Option<Period> {
        Period::ALL.iter().copied().find(|p| p.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Weeks4 => "4w",
            Period::Weeks12 => "12w",
            Period::Weeks26 => "26w",
            Period::Weeks52 => "52w",
            Period::All => "all",
        }
    }

    /// The Fluent key of its label (`locales/*/reports.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            Period::Weeks4 => "reports-period-4w",
            Period::Weeks12 => "reports-period-12w",
            Period::Weeks26 => "reports-period-26w",
            Period::Weeks52 => "reports-period-52w",
            Period::All => "reports-period-all",
        }
    }

    fn weeks(self) -> Option<i64> {
        match self {
            Period::Weeks4 => Some(4),
            Period::Weeks12 => Some(12),
            Period::Weeks26 => Some(26),
            Period::Weeks52 => Some(52),
            Period::All => None,
        }
    }

    /// The first moment counted: the Monday that starts the oldest of the period's weeks (the
    /// current week is one of them), or `None` for all time.
    pub fn start(self, now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
        let weeks = self.weeks()?;
        Some(week_start(now) - Duration::weeks(weeks - 1))
    }
}

/// Monday 00:00 of the week `t` falls in.
pub fn week_start(t: PrimitiveDateTime) -> PrimitiveDateTime {
    let monday = t.date() - Duration::days(i64::from(t.weekday().number_days_from_monday()));
    PrimitiveDateTime::new(monday, Time::MIDNIGHT)
}

/// The starts of the last `WEEKS` weeks, oldest first; the last is the current week.
pub fn last_weeks(now: PrimitiveDateTime) -> Vec<PrimitiveDateTime> {
    let this_week = week_start(now);
    (0..WEEKS as i64)
        .rev()
        .map(|back| this_week - Duration::weeks(back))
        .collect()
}

/// The charts a CSV can be asked for (`/admin/reports.csv?chart=…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Weekly,
    Funnel,
    Sources,
    PerVacancy,
}

impl Chart {
    pub const ALL: &'static [Chart] = &[
        Chart::Weekly,
        Chart::Funnel,
        Chart::Sources,
        Chart::PerVacancy,
    ];

    pub fn parse(text: &str) -> Option<Chart> {
        Chart::ALL.iter().copied().find(|c| c.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Chart::Weekly => "weekly",
            Chart::Funnel => "funnel",
            Chart::Sources => "sources",
            Chart::PerVacancy => "per-vacancy",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub start: PrimitiveDateTime,
    pub count: i64,
}

/// One count per week, from `(week index, count)` rows (weeks without a row had none).
pub fn weekly(starts: &[PrimitiveDateTime], rows: &[(i32, i64)]) -> Vec<Week> {
    starts
        .iter()
        .enumerate()
        .map(|(i, start)| Week {
            start: *start,
            count: rows
                .iter()
                .filter(|(index, _)| usize::try_from(*index).ok() == Some(i))
                .map(|(_, n)| n)
                .sum(),
        })
        .collect()
}

/// The pipeline's stages in funnel order, each with the level `db::reports` gives it.
pub const FUNNEL: [Stage; 5] = [
    Stage::New,
    Stage::Reviewing,
    Stage::Interview,
    Stage::Offer,
    Stage::Hired,
];

/// Where an application may leave the pipeline before being hired.
pub const EXITS: [Stage; 2] = [Stage::Rejected, Stage::Withdrawn];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunnelStep {
    pub stage: Stage,
    /// Pipeline stages: applications that got at least this far. Exits: applications that
    /// ended there (their status now).
    pub reached: i64,
    /// Applications whose status is this stage now.
    pub now: i64,
    /// `reached` as a whole percentage of all applications.
    pub percent: i64,
    pub exit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funnel {
    pub total: i64,
    pub steps: Vec<FunnelStep>,
}

fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 200 + whole) / (whole * 2)
    }
}

/// The funnel from the furthest stage each application reached (`(level, count)`, level the
/// index in `FUNNEL`) and the statuses they have now (`(status, count)`).
pub fn funnel(furthest: &[(i32, i64)], statuses: &[(String, i64)]) -> Funnel {
    let total: i64 = furthest.iter().map(|(_, n)| n).sum();
    let now_at = |stage: Stage| -> i64 {
        statuses
            .iter()
            .filter(|(s, _)| s == stage.as_str())
            .map(|(_, n)| n)
            .sum()
    };
    let mut steps: Vec<FunnelStep> = FUNNEL
        .iter()
        .enumerate()
        .map(|(level, stage)| {
            let reached = furthest
                .iter()
                .filter(|(l, _)| usize::try_from(*l).is_ok_and(|l| l >= level))
                .map(|(_, n)| n)
                .sum();
            FunnelStep {
                stage: *stage,
                reached,
                now: now_at(*stage),
                percent: percent(reached, total),
                exit: false,
            }
        })
        .collect();
    steps.extend(EXITS.iter().map(|stage| {
        let now = now_at(*stage);
        FunnelStep {
            stage: *stage,
            reached: now,
            now,
            percent: percent(now, total),
            exit: true,
        }
    }));
    Funnel { total, steps }
}

/// A median, in tenths of a day, of how many applications took each number of whole hours
/// (`(hours, count)`); `None` when there is nothing to take it of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Median {
    pub tenths_of_day: i64,
    /// How many applications it is the median of.
    pub of: i64,
}

pub fn median(hours: &[(i32, i64)]) -> Option<Median> {
    let mut buckets: Vec<(i64, i64)> = hours
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(h, n)| (i64::from(*h).max(0), *n))
        .collect();
    buckets.sort_unstable();
    let of: i64 = buckets.iter().map(|(_, n)| n).sum();
    if of == 0 {
        return None;
    }
    // The values at the two middle positions (the same one when the count is odd).
    let at = |position: i64| {
        let mut seen = 0;
        for (h, n) in &buckets {
            seen += n;
            if position < seen {
                return *h;
            }
        }
        0
    };
    let sum_hours = at((of - 1) / 2) + at(of / 2);
    // (sum / 2) hours in tenths of a day, rounded: sum * 10 / 48.
    Some(Median {
        tenths_of_day: (sum_hours * 10 + 24) / 48,
        of,
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount {
    /// `None`: no referring site or tag (typed in, a bookmark, an app that sends no Referer).
    pub source: Option<String>,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    pub rows: Vec<SourceCount>,
    /// Applications from sources beyond the rows shown.
    pub other: i64,
    pub total: i64,
}

/// The biggest sources (`(source or "", count)`, biggest first) and the rest as one figure.
pub fn sources(rows: &[(String, i64)], total: i64) -> Sources {
    let rows: Vec<SourceCount> = rows
        .iter()
        .map(|(source, count)| SourceCount {
            source: (!source.is_empty()).then(|| source.clone()),
            count: *count,
        })
        .collect();
    let shown: i64 = rows.iter().map(|r| r.count).sum();
    Sources {
        rows,
        other: (total - shown).max(0),
        total,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VacancyCount {
    pub id: i32,
    pub title: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerVacancy {
    /// The open vacancies with the most applications, most first.
    pub rows: Vec<VacancyCount>,
    /// Open vacancies under the filters.
    pub open: i64,
    /// Of those, how many have applications in the period.
    pub with_applications: i64,
    /// Applications to open vacancies in the period.
    pub applications: i64,
}

impl PerVacancy {
    /// Applications per open vacancy, in tenths.
    pub fn average_tenths(&self) -> i64 {
        if self.open <= 0 {
            0
        } else {
            (self.applications * 20 + self.open) / (self.open * 2)
        }
    }

    pub fn without_applications(&self) -> i64 {
        (self.open - self.with_applications).max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn weeks_start_on_monday_and_periods_include_this_week() {
        // 2 Dec 2026 is a Wednesday.
        let now = datetime!(2026-12-02 15:30);
        assert_eq!(week_start(now), datetime!(2026-11-30 00:00));
        assert_eq!(
            week_start(datetime!(2026-11-30 00:00)),
            datetime!(2026-11-30 00:00)
        );
        assert_eq!(
            week_start(datetime!(2026-12-06 23:59)),
            datetime!(2026-11-30 00:00)
        );
        let weeks = last_weeks(now);
        assert_eq!(weeks.len(), WEEKS);
        assert_eq!(weeks[11], datetime!(2026-11-30 00:00));
        assert_eq!(weeks[0], datetime!(2026-09-14 00:00));
        assert_eq!(Period::Weeks12.start(now), Some(weeks[0]));
        assert_eq!(Period::Weeks4.start(now), Some(datetime!(2026-11-09 00:00)));
        assert_eq!(Period::All.start(now), None);
        for p in Period::ALL {
            assert_eq!(Period::parse(p.as_str()), Some(*p));
        }
        assert_eq!(Period::parse("13w"), None);
    }

    #[test]
    fn weekly_counts_fill_empty_weeks() {
        let starts = last_weeks(datetime!(2026-12-02 12:00));
        let weeks = weekly(&starts, &[(0, 2), (11, 5), (12, 9), (-1, 4)]);
        let counts: Vec<i64> = weeks.iter().map(|w| w.count).collect();
        assert_eq!(counts, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
    }

    #[test]
    fn the_funnel_counts_how_far_applications_got() {
        // 10 applications: 4 never reviewed, 3 got to reviewing, 2 to interview, 1 hired.
        let furthest = [(0, 4), (1, 3), (2, 2), (4, 1)];
        let statuses = [
            ("new".to_string(), 3),
            ("reviewing".to_string(), 1),
            ("rejected".to_string(), 4),
            ("withdrawn".to_string(), 1),
            ("hired".to_string(), 1),
        ];
        let f = funnel(&furthest, &statuses);
        assert_eq!(f.total, 10);
        let reached: Vec<(Stage, i64, i64)> = f
            .steps
            .iter()
            .map(|s| (s.stage, s.reached, s.now))
            .collect();
        assert_eq!(
            reached,
            [
                (Stage::New, 10, 3),
                (Stage::Reviewing, 6, 1),
                (Stage::Interview, 3, 0),
                (Stage::Offer, 1, 0),
                (Stage::Hired, 1, 1),
                (Stage::Rejected, 4, 4),
                (Stage::Withdrawn, 1, 1),
            ]
        );
        assert_eq!(f.steps[1].percent, 60);
        assert!(f.steps[5].exit && !f.steps[4].exit);
        let empty = funnel(&[], &[]);
        assert_eq!(empty.total, 0);
        assert!(empty.steps.iter().all(|s| s.reached == 0 && s.percent == 0));
    }

    #[test]
    fn medians_of_hour_histograms() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[(5, 0)]), None);
        // One application after 36 hours: 1.5 days.
        assert_eq!(
            median(&[(36, 1)]),
            Some(Median {
                tenths_of_day: 15,
                of: 1
            })
        );
        // 24 h, 48 h, 240 h: the middle one, 2 days.
        let m = median(&[(240, 1), (24, 1), (48, 1)]).unwrap();
        assert_eq!((m.tenths_of_day, m.of), (20, 3));
        // Even count: the mean of the two middle ones, (48 + 72) / 2 h = 2.5 days.
        let m = median(&[(24, 1), (48, 1), (72, 1), (1000, 1)]).unwrap();
        assert_eq!(m.tenths_of_day, 25);
        // Buckets with several applications; a clock step backwards counts as 0.
        let m = median(&[(-3, 1), (12, 3), (100, 1)]).unwrap();
        assert_eq!((m.tenths_of_day, m.of), (5, 5));
    }

    #[test]
    fn sources_keep_the_biggest_and_sum_the_rest() {
        let rows = [("linkedin.com".to_string(), 5), (String::new(), 3)];
        let s = sources(&rows, 10);
        assert_eq!(s.rows[0].source.as_deref(), Some("linkedin.com"));
        assert_eq!(s.rows[1].source, None);
        assert_eq!(s.other, 2);
        assert_eq!(sources(&rows, 4).other, 0);
    }

    #[test]
    fn averages_per_open_vacancy() {
        let p = PerVacancy {
            rows: Vec::new(),
            open: 4,
            with_applications: 3,
            applications: 10,
        };
        assert_eq!(p.average_tenths(), 25);
        assert_eq!(p.without_applications(), 1);
        let none = PerVacancy {
            open: 0,
            with_applications: 0,
            applications: 0,
            ..p
        };
        assert_eq!(none.average_tenths(), 0);
    }
}
