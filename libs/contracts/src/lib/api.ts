/** Every error the API returns has this shape. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: ApiErrorDetail[];
}

/** One field-level problem, e.g. from validation. */
export interface ApiErrorDetail {
  field?: string;
  message: string;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  version: string;
}

export const API_PREFIX = 'api/v1';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const SESSION_COOKIE = 'openbrief_session';

/** POST /spec-check: check free text, one requirement per line or list item. */
export interface CheckTextRequest {
  text: string;
  estimatedValue?: number;
}
