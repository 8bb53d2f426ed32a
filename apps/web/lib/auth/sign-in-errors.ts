/**
 * The reasons a redirect may send someone back to sign-in with `?error=<code>`. Only these codes'
 * own messages are shown, so a crafted link cannot put its own words on the sign-in page.
 */
export const SIGN_IN_ERRORS = {
  'no-account': 'There is no Muse account for this email. Ask your agency admin for an invitation.',
  blocked: 'This account cannot sign in right now.',
  unreachable: 'Muse is not reachable right now. Please try again in a moment.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export const GENERIC_SIGN_IN_ERROR = 'Sign-in failed. Try again.';

/** The message for an `?error=` value: its own for a known code, a generic one for anything else. */
export function signInErrorMessage(code: string): string {
  return Object.hasOwn(SIGN_IN_ERRORS, code)
    ? SIGN_IN_ERRORS[code as SignInErrorCode]
    : GENERIC_SIGN_IN_ERROR;
}
