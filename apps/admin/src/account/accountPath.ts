/** The signed-in user's own page (password, second factor), linked from the user menu. */
export const ACCOUNT_PATH = '/account';
