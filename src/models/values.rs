//! The closed sets of values a vacancy or user field takes, with their labels.

/// Declares a value type stored as text: its variants, stored values and labels.
macro_rules! value_enum {
    ($name:ident { $($variant:ident => $value:literal, $label:literal;)+ }) => {
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

value_enum!(Seniority {
    Intern => "intern", "Intern";
    Junior => "junior", "Junior";
    Middle => "middle", "Middle";
    MiddlePlus => "middle_plus", "Middle+";
    Senior => "senior", "Senior";
    Lead => "lead", "Lead";
});

value_enum!(Employment {
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

value_enum!(WorkMode {
    Remote => "remote", "Remote";
    Hybrid => "hybrid", "Hybrid";
    Onsite => "onsite", "On-site";
});

value_enum!(SalaryPeriod {
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

value_enum!(VacancyStatus {
    Draft => "draft", "Draft";
    Published => "published", "Published";
    Closed => "closed", "Closed";
});

value_enum!(Role {
    Admin => "admin", "Administrator";
    Recruiter => "recruiter", "Recruiter";
});

value_enum!(ArticleStatus {
    Draft => "draft", "Draft";
    Published => "published", "Published";
});

value_enum!(CommentStatus {
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
    }
}
