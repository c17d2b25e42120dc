use crate::common;

backend_test!(home_renders_with_demo_content);
async fn home_renders_with_demo_content() {
    let app = common::spawn_app().await;
    let (status, html) = app.get_html("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("Newest vacancies"));
}
