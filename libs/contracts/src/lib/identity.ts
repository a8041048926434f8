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

/**
 * Roles an invitation can carry: a buying organisation invites buyers and evaluators; a supplier invites
 * colleagues as suppliers, into its own organisation only.
 */
export type InvitableRole = Role.Buyer | Role.Evaluator | Role.Supplier;

/** Which roles someone with `role` may invite into their own organisation (none: they may not invite). */
export function invitableRolesFor(role: Role): readonly InvitableRole[] {
  switch (role) {
    case Role.Admin:
    case Role.Buyer:
      return [Role.Buyer, Role.Evaluator];
    case Role.Supplier:
      return [Role.Supplier];
    case Role.Evaluator:
      return [];
  }
}

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

/** Whoever is signed in, or null: answered 200 either way, so an anonymous page load logs no error. */
export interface SessionState {
  user: CurrentUser | null;
}

export interface UpdateProfileRequest {
  name: string;
}

/** A postal address in the parts OCDS `party.address` uses. Each part is null when not given. */
export interface OrganisationAddress {
  streetAddress: string | null;
  /** Town or city. */
  locality: string | null;
  postalCode: string | null;
  countryName: string | null;
}

/** An organisation's details as its members see and (where allowed) edit them; SME and VCSE feed the open data. */
export interface OrganisationDetails {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Companies House or charity number. */
  companyNumber: string | null;
  /** Small or medium-sized enterprise: fewer than 250 staff and turnover up to £44m (or balance sheet up to £38m). */
  isSme: boolean;
  /** Voluntary, community or social enterprise: not run for private profit; surplus goes back into its aims. */
  isVcse: boolean;
  address: OrganisationAddress;
  contactPhone: string | null;
  /** Whether the signed-in person may change these details. */
  editable: boolean;
}

export type UpdateOrganisationRequest = Omit<OrganisationDetails, 'id' | 'kind' | 'editable'>;

/** One member of one's own organisation; the e-mail address is shown to colleagues only. */
export interface OrganisationMember {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface OrganisationMembers {
  members: OrganisationMember[];
}

export const ORGANISATION_LIMITS = {
  name: 200,
  companyNumber: 20,
  streetAddress: 200,
  locality: 100,
  postalCode: 20,
  countryName: 100,
  contactPhone: 40,
} as const;

/** Letters and digits, like 01234567 or SC123456 (Companies House) or 1234567 (Charity Commission). */
export const COMPANY_NUMBER_PATTERN = /^[A-Za-z0-9]{2,20}$/;
/** Digits, spaces and the usual phone punctuation, like +44 20 7946 0000 or (01632) 960 001. */
export const CONTACT_PHONE_PATTERN = /^\+?[0-9 ()-]{6,40}$/;
