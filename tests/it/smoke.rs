use crate::common;

backend_test!(home_renders_with_demo_content);
async fn home_renders_with_demo_content() {
    let app = common::spawn_app().await;
    let (status, html) = app.get_html("/en").await;
    assert_eq!(status, 200);
    assert!(html.contains("Newest vacancies"));
}

backend_test!(an_unknown_stored_value_is_an_error_that_names_its_column);
async fn an_unknown_stored_value_is_an_error_that_names_its_column() {
    use diesel::RunQueryDsl;
    let app = common::spawn_app_with(true).await;
    let mut conn = app.conn();
    let id = careers::db::board::newest_open(&mut conn, "en", 1).unwrap()[0]
        .0
        .id;
    diesel::sql_query(format!(
        "UPDATE vacancies SET seniority = 'wizard' WHERE id = {id}"
    ))
    .execute(&mut *conn)
    .unwrap();
    let error = match careers::db::vacancies::by_id(&mut conn, id) {
        // What the site logs: the error with its causes.
        Err(e) => careers::error::AppError::from(e).to_string(),
        Ok(_) => panic!("a row with an unknown seniority loaded silently"),
    };
    assert!(
        error.contains("vacancies.seniority") && error.contains("wizard"),
        "{error}"
    );
}
