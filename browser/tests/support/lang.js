// The English interface texts that must never show on a Spanish page
// (pages.spec.js and site.check() share the list).
/** English texts of the public pages' frame, facts and forms (none of them is content). */
const ENGLISH_UI = [
  'Skip to content', 'Open vacancies', 'Keywords', 'Show vacancies', 'Salary not stated',
  'Newest vacancies', 'Browse by category', 'Apply for this job', 'Send application',
  'Learning paths', 'Leave a comment', 'Mark as read', 'Questions and answers', 'per year',
  'Full-time', 'Work mode', 'All vacancies', 'Recruiters', 'Page not found',
  'Your application', 'Withdraw my application', 'Post comment', 'Steps read', 'On this page',
];

/** English texts of the admin area's frame and forms. */
const ENGLISH_ADMIN_UI = [
  'Sign out', 'Dashboard', 'Post a vacancy', 'Job title', 'Employment type', 'Salary from',
  'Responsibilities', 'The vacancy was saved', 'The vacancy is published', 'Audit log',
  'Latest changes', 'Applications per week', 'Preview and check', 'Save language',
];

module.exports = { ENGLISH_UI, ENGLISH_ADMIN_UI };
