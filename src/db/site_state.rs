//! The data generation: one number every public-page write bumps, which page caches compare.

use diesel::prelude::*;

use super::schema::site_state;
use super::DbConn;

pub fn generation(conn: &mut DbConn) -> QueryResult<i64> {
    site_state::table
        .find(1)
        .select(site_state::generation)
        .first(conn)
}

pub fn bump_generation(conn: &mut DbConn) -> QueryResult<()> {
    diesel::update(site_state::table.find(1))
        .set(site_state::generation.eq(site_state::generation + 1))
        .execute(conn)?;
    Ok(())
}
