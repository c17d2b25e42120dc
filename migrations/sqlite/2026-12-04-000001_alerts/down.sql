DROP TABLE job_leases;
DROP TABLE mail_outbox;
DROP TABLE alert_deliveries;
DROP TABLE alert_manage_tokens;
DROP TABLE alert_subscriptions;
