// The messages the resources page's client forms use (create pool, settings) and ResourceForm's
// errors and notices: parts of "resources", not its every sentence (about 11 kB).
export const POOL_FORM_MESSAGES = ["resources.manage", "resources.pool", "resources.settings", "resources.codes", "resources.notices", "resources.issues", "validation"];
