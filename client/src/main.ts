/*
 * Two apps share one build and one index.html: the patients' public survey form and the staff app.
 * Each is a lazy chunk, so a patient opening /feedback/<token> on a phone downloads only the form.
 */
const start = location.pathname.startsWith('/feedback/')
  ? import('./app/feedback/bootstrap-feedback').then((m) => m.bootstrapFeedback())
  : import('./app/bootstrap-staff').then((m) => m.bootstrapStaff());

start.catch((err: unknown) => console.error(err));
