/** Roles a user can hold. A user holds one role within one organisation. */
export enum Role {
  Admin = 'admin',
  Buyer = 'buyer',
  Evaluator = 'evaluator',
  Supplier = 'supplier',
}

export enum OrganisationKind {
  Buyer = 'buyer',
  Supplier = 'supplier',
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: OrganisationSummary;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface SupplierSignUpRequest {
  name: string;
  email: string;
  password: string;
  organisationName: string;
  /** Companies House or charity number; optional so sole traders can join. */
  companyNumber?: string;
  /** Self-declared SME status (fewer than 250 staff), used to report SME participation. */
  isSme: boolean;
}

/** Roles a buyer may invite into its own organisation. */
export type InvitableRole = Role.Buyer | Role.Evaluator;

export interface CreateInvitationRequest {
  email: string;
  role: InvitableRole;
}

export interface InvitationCreated {
  id: string;
  email: string;
  role: InvitableRole;
  expiresAt: string;
  /** Path (not a full URL) the invitee opens once; the token appears only in this response. */
  acceptPath: string;
}

export interface InvitationPreview {
  email: string;
  role: InvitableRole;
  organisationName: string;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  token: string;
  name: string;
  password: string;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Answer to sign-up, the same whether or not the address already had an account, so it reveals neither. */
export interface SignUpAccepted {
  message: string;
}

export const SIGN_UP_ACCEPTED_MESSAGE =
  'Thank you. If this e-mail address is new to Openbrief, your supplier account is ready: sign in with it and your new password. ' +
  'If the address already had an account, nothing has changed: sign in with the password you chose before.';

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/**
 * The zxcvbn score (0–4) a new password must reach. 3 means "safely unguessable" — over 10^8 guesses —
 * which, with argon2 hashing and throttled sign-in, outlasts any online attack; 4 would turn away
 * reasonable passphrases and push people to write passwords down.
 */
export const PASSWORD_MIN_SCORE = 3;

/**
 * zxcvbn-ts options both sides use. Its l33t matcher grows steeply with length: a 200-character
 * password took 14 s of CPU with the defaults. Only the first 64 characters are judged (a longer
 * password is only ever judged weaker for it) and l33t substitutions are capped, which keeps a check
 * well under a second on a busy small server.
 */
export const PASSWORD_CHECK_OPTIONS = { maxLength: 64, l33tMaxSubstitutions: 8 } as const;

/** The part of a zxcvbn result the policy reads; the backend and the browser each run zxcvbn-ts with the same dictionaries. */
export interface PasswordStrength {
  score: number;
  feedback: { warning: string | null; suggestions: string[] };
}

/** Words from the person's own details, which make a password easy to guess for anyone who knows them. */
export function passwordUserInputs(details: { email?: string; name?: string; organisationName?: string }): string[] {
  const words = [details.email, details.name, details.organisationName]
    .filter((text): text is string => !!text?.trim())
    .flatMap((text) => [text.trim().toLowerCase(), ...text.toLowerCase().split(/[^\p{L}\p{N}]+/u)]);
  return [...new Set(words.filter((word) => word.length >= 3))];
}

/** Null when the password is strong enough; otherwise one message built from zxcvbn's feedback. */
export function passwordProblem(strength: PasswordStrength): string | null {
  if (strength.score >= PASSWORD_MIN_SCORE) return null;
  const advice = [strength.feedback.warning, ...strength.feedback.suggestions].filter((line): line is string => !!line);
  if (!advice.length) advice.push('Add another word or two that are not common.');
  return `Choose a password that is harder to guess. ${advice.join(' ')}`;
}
