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
