//! The portable schema, written by hand for both backends. The keyword index tables
//! (`vacancy_search`) differ per backend and are reached through `db::search` only.

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        role -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        session_generation -> Integer,
        must_change_password -> Bool,
        lang -> Text,
    }
}

diesel::table! {
    categories (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        position -> Integer,
    }
}

diesel::table! {
    skills (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
    }
}

diesel::table! {
    vacancies (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        category_id -> Integer,
        seniority -> Text,
        employment -> Text,
        work_mode -> Text,
        location -> Text,
        country -> Text,
        remote_countries -> Text,
        salary_min -> Nullable<Integer>,
        salary_max -> Nullable<Integer>,
        salary_currency -> Nullable<Text>,
        salary_period -> Nullable<Text>,
        summary -> Text,
        responsibilities -> Text,
        requirements -> Text,
        nice_to_have -> Text,
        benefits -> Text,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        valid_through -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        author_id -> Nullable<Integer>,
        place_text -> Nullable<Text>,
        salary_year_top -> Nullable<BigInt>,
        summary_html -> Text,
        responsibilities_html -> Text,
        requirements_html -> Text,
        nice_to_have_html -> Text,
        benefits_html -> Text,
        lang -> Text,
        translation_of -> Nullable<Integer>,
        other_languages -> Bool,
        other_places -> Text,
    }
}

diesel::table! {
    vacancy_places (vacancy_id, position) {
        vacancy_id -> Integer,
        position -> Integer,
        city -> Text,
        country -> Text,
    }
}

diesel::table! {
    site_state (id) {
        id -> Integer,
        generation -> BigInt,
    }
}

diesel::table! {
    vacancy_skills (vacancy_id, skill_id) {
        vacancy_id -> Integer,
        skill_id -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        user_id -> Nullable<Integer>,
        entity -> Text,
        entity_id -> Integer,
        action -> Text,
        changes -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Integer,
        subject -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    learning_paths (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        summary -> Text,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        lang -> Text,
        translation_of -> Nullable<Integer>,
    }
}

diesel::table! {
    articles (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        summary -> Text,
        body -> Text,
        body_html -> Text,
        path_id -> Nullable<Integer>,
        position -> Integer,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        author_id -> Nullable<Integer>,
        lang -> Text,
        translation_of -> Nullable<Integer>,
    }
}

diesel::table! {
    article_skills (article_id, skill_id) {
        article_id -> Integer,
        skill_id -> Integer,
    }
}

diesel::table! {
    faqs (id) {
        id -> Integer,
        article_id -> Integer,
        question -> Text,
        answer -> Text,
        position -> Integer,
    }
}

diesel::table! {
    comments (id) {
        id -> Integer,
        article_id -> Integer,
        parent_id -> Nullable<Integer>,
        author_name -> Text,
        email -> Text,
        website -> Text,
        body -> Text,
        status -> Text,
        client_address -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    applications (id) {
        id -> Integer,
        vacancy_id -> Integer,
        token_hash -> Text,
        full_name -> Text,
        email -> Text,
        phone -> Text,
        linkedin_url -> Text,
        github_url -> Text,
        portfolio_url -> Text,
        cover_letter -> Text,
        cv_name -> Text,
        cv_type -> Text,
        cv_size -> Integer,
        cv_data -> Binary,
        status -> Text,
        client_address -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        source -> Nullable<Text>,
    }
}

diesel::table! {
    application_notes (id) {
        id -> Integer,
        application_id -> Integer,
        author_id -> Nullable<Integer>,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    used_stamps (stamp_hash) {
        stamp_hash -> Text,
        used_at -> Timestamp,
    }
}

diesel::table! {
    alert_subscriptions (id) {
        id -> Integer,
        email -> Text,
        lang -> Text,
        frequency -> Text,
        query -> Text,
        confirm_token_hash -> Text,
        client_address -> Text,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        last_digest_at -> Nullable<Timestamp>,
        failures -> Integer,
        dropped_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    alert_manage_tokens (token_hash) {
        token_hash -> Text,
        subscription_id -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    alert_deliveries (subscription_id, vacancy_id) {
        subscription_id -> Integer,
        vacancy_id -> Integer,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    mail_outbox (id) {
        id -> Integer,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        headers -> Text,
        lang -> Text,
        kind -> Text,
        subscription_id -> Nullable<Integer>,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    job_leases (name) {
        name -> Text,
        holder -> Text,
        lease_until -> Timestamp,
        last_success_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// One row per (listing language, listed open vacancy); see `db::listing`.
    board (sort_key) {
        sort_key -> BigInt,
        lang -> Text,
        vacancy_id -> Integer,
        group_id -> Integer,
        combo -> Integer,
        salary_year_top -> Nullable<BigInt>,
        place_text -> Text,
        valid_through -> Nullable<Timestamp>,
        own_lang -> Bool,
        slug -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    board_counts (lang, combo) {
        lang -> Text,
        combo -> Integer,
        count -> BigInt,
    }
}

diesel::table! {
    board_countries (sort_key, country) {
        sort_key -> BigInt,
        country -> Text,
    }
}

diesel::table! {
    board_country_counts (lang, country, combo) {
        lang -> Text,
        country -> Text,
        combo -> Integer,
        count -> BigInt,
    }
}

diesel::joinable!(board -> vacancies (vacancy_id));
diesel::joinable!(vacancies -> categories (category_id));
diesel::joinable!(articles -> learning_paths (path_id));
diesel::joinable!(article_skills -> articles (article_id));
diesel::joinable!(article_skills -> skills (skill_id));
diesel::joinable!(faqs -> articles (article_id));
diesel::joinable!(comments -> articles (article_id));
diesel::joinable!(vacancy_skills -> vacancies (vacancy_id));
diesel::joinable!(vacancy_skills -> skills (skill_id));
diesel::joinable!(vacancy_places -> vacancies (vacancy_id));
diesel::joinable!(audit_log -> users (user_id));
diesel::joinable!(applications -> vacancies (vacancy_id));
diesel::joinable!(application_notes -> applications (application_id));
diesel::joinable!(application_notes -> users (author_id));
diesel::joinable!(alert_deliveries -> alert_subscriptions (subscription_id));
diesel::joinable!(alert_deliveries -> vacancies (vacancy_id));
diesel::joinable!(alert_manage_tokens -> alert_subscriptions (subscription_id));

diesel::allow_tables_to_appear_in_same_query!(
    board,
    board_counts,
    board_countries,
    board_country_counts,
    users,
    categories,
    skills,
    vacancies,
    vacancy_skills,
    vacancy_places,
    audit_log,
    login_failures,
    learning_paths,
    articles,
    article_skills,
    faqs,
    comments,
    applications,
    application_notes,
    used_stamps,
    alert_subscriptions,
    alert_deliveries,
    alert_manage_tokens,
    mail_outbox,
    job_leases,
);
