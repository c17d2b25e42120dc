//! The closed sets of values a vacancy or user field takes, with their labels.

/// Declares a value type stored as text: its variants, stored values, English labels and the
/// Fluent keys of the labels (`locales/*/labels.ftl`: the prefix plus the stored value).
macro_rules! value_enum {
    ($name:ident $prefix:literal { $($variant:ident => $value:literal, $label:literal;)+ }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The Fluent key of the label, such as `seniority-middle_plus`.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, $value)),+ }
            }

            /// The key of a stored value's label; the value itself if it is unknown (so
            /// `Lang::text` shows it as it is).
            pub fn key_of(value: &str) -> &str {
                Self::parse(value).map(Self::key).unwrap_or(value)
            }

            pub fn parse(value: &str) -> Option<$name> {
                match value { $($value => Some($name::$variant),)+ _ => None }
            }

            /// The label of a stored value; the value itself if it is unknown.
            pub fn label_of(value: &str) -> &str {
                Self::parse(value).map(Self::label).unwrap_or(value)
            }
        }
    };
}

value_enum!(Seniority "seniority-" {
    Intern => "intern", "Intern";
    Junior => "junior", "Junior";
    Middle => "middle", "Middle";
    MiddlePlus => "middle_plus", "Middle+";
    Senior => "senior", "Senior";
    Lead => "lead", "Lead";
});

value_enum!(Employment "employment-" {
    FullTime => "full_time", "Full-time";
    PartTime => "part_time", "Part-time";
    Contract => "contract", "Contract";
    Internship => "internship", "Internship";
    Temporary => "temporary", "Temporary";
});

impl Employment {
    /// schema.org employmentType.
    pub fn schema_org(self) -> &'static str {
        match self {
            Employment::FullTime => "FULL_TIME",
            Employment::PartTime => "PART_TIME",
            Employment::Contract => "CONTRACTOR",
            Employment::Internship => "INTERN",
            Employment::Temporary => "TEMPORARY",
        }
    }
}

value_enum!(WorkMode "work-mode-" {
    Remote => "remote", "Remote";
    Hybrid => "hybrid", "Hybrid";
    Onsite => "onsite", "On-site";
});

value_enum!(SalaryPeriod "salary-period-" {
    Hour => "hour", "per hour";
    Day => "day", "per day";
    Month => "month", "per month";
    Year => "year", "per year";
});

impl SalaryPeriod {
    /// schema.org QuantitativeValue unitText.
    pub fn schema_org(self) -> &'static str {
        match self {
            SalaryPeriod::Hour => "HOUR",
            SalaryPeriod::Day => "DAY",
            SalaryPeriod::Month => "MONTH",
            SalaryPeriod::Year => "YEAR",
        }
    }

    /// Rough multiplier to a yearly figure, used to sort by salary across periods.
    pub fn per_year(self) -> i64 {
        match self {
            SalaryPeriod::Hour => 1760,
            SalaryPeriod::Day => 220,
            SalaryPeriod::Month => 12,
            SalaryPeriod::Year => 1,
        }
    }
}

value_enum!(VacancyStatus "vacancy-status-" {
    Draft => "draft", "Draft";
    Published => "published", "Published";
    Closed => "closed", "Closed";
});

value_enum!(Role "role-" {
    Admin => "admin", "Administrator";
    Recruiter => "recruiter", "Recruiter";
});

value_enum!(ArticleStatus "article-status-" {
    Draft => "draft", "Draft";
    Published => "published", "Published";
});

value_enum!(CommentStatus "comment-status-" {
    Pending => "pending", "Pending";
    Approved => "approved", "Approved";
    Spam => "spam", "Spam";
});

/// Currencies offered in the vacancy form.
pub const CURRENCIES: &[&str] = &["EUR", "USD", "GBP", "PLN", "SEK", "CHF", "CAD", "UAH"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        for s in Seniority::ALL {
            assert_eq!(Seniority::parse(s.as_str()), Some(*s));
        }
        assert_eq!(
            Seniority::parse("middle_plus").map(Seniority::label),
            Some("Middle+")
        );
        assert_eq!(Seniority::parse("Middle"), None);
        assert_eq!(WorkMode::label_of("weird"), "weird");
        assert_eq!(Seniority::MiddlePlus.key(), "seniority-middle_plus");
        assert_eq!(SalaryPeriod::key_of("year"), "salary-period-year");
        assert_eq!(WorkMode::key_of("weird"), "weird");
    }
}
