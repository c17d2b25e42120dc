//! Enumerations stored as text, checked when a row is read: an unknown value is an error that
//! names its column, never a silent default. Row structs keep the text and mark the field with
//! `#[diesel(deserialize_as = Known<Enum>)]`; the typed accessors (`Vacancy::status`, ...)
//! can then trust it.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::sql_types::{Nullable, Text};
use std::marker::PhantomData;

use super::{
    ArticleStatus, CommentStatus, Employment, Role, SalaryPeriod, Seniority, Stage, VacancyStatus,
    WorkMode,
};

/// An enumeration and the one column it is stored in.
pub trait StoredEnum {
    const COLUMN: &'static str;
    fn is_known(text: &str) -> bool;
}

macro_rules! stored {
    ($($enum:ty => $column:literal),+ $(,)?) => {$(
        impl StoredEnum for $enum {
            const COLUMN: &'static str = $column;
            fn is_known(text: &str) -> bool {
                <$enum>::parse(text).is_some()
            }
        }
    )+};
}

stored! {
    Seniority => "vacancies.seniority",
    Employment => "vacancies.employment",
    WorkMode => "vacancies.work_mode",
    SalaryPeriod => "vacancies.salary_period",
    VacancyStatus => "vacancies.status",
    Stage => "applications.status",
    ArticleStatus => "articles.status",
    CommentStatus => "comments.status",
    Role => "users.role",
}

fn unknown<E: StoredEnum>(text: &str) -> Box<dyn std::error::Error + Send + Sync> {
    format!("unknown value `{text}` in column {}", E::COLUMN).into()
}

/// Stored text that is one of `E`'s values.
pub struct Known<E>(String, PhantomData<E>);

impl<E: StoredEnum, DB: Backend> FromSql<Text, DB> for Known<E>
where
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let text = String::from_sql(bytes)?;
        if E::is_known(&text) {
            Ok(Known(text, PhantomData))
        } else {
            Err(unknown::<E>(&text))
        }
    }
}

impl<E, DB> Queryable<Text, DB> for Known<E>
where
    DB: Backend,
    Self: FromSql<Text, DB>,
{
    type Row = Self;
    fn build(row: Self) -> deserialize::Result<Self> {
        Ok(row)
    }
}

impl<E> From<Known<E>> for String {
    fn from(known: Known<E>) -> String {
        known.0
    }
}

/// The same for a nullable column.
pub struct KnownOrNull<E>(Option<String>, PhantomData<E>);

impl<E: StoredEnum, DB: Backend> FromSql<Nullable<Text>, DB> for KnownOrNull<E>
where
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        let text = String::from_sql(bytes)?;
        if E::is_known(&text) {
            Ok(KnownOrNull(Some(text), PhantomData))
        } else {
            Err(unknown::<E>(&text))
        }
    }

    fn from_nullable_sql(bytes: Option<DB::RawValue<'_>>) -> deserialize::Result<Self> {
        match bytes {
            None => Ok(KnownOrNull(None, PhantomData)),
            Some(bytes) => Self::from_sql(bytes),
        }
    }
}

impl<E, DB> Queryable<Nullable<Text>, DB> for KnownOrNull<E>
where
    DB: Backend,
    Self: FromSql<Nullable<Text>, DB>,
{
    type Row = Self;
    fn build(row: Self) -> deserialize::Result<Self> {
        Ok(row)
    }
}

impl<E> From<KnownOrNull<E>> for Option<String> {
    fn from(known: KnownOrNull<E>) -> Option<String> {
        known.0
    }
}
