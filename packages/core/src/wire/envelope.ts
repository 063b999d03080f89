/**
 * Shapes shared by every QAComplete response (reference §2).
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/paging.html
 */

/**
 * A date as the API sends it: server-local, no zone, 7 fractional digits
 * (`"2016-09-23T06:42:04.6530000"`). "No date" is the .NET minimum `"0001-01-01T00:00:00.0000000"`
 * (one sample even has a 5-digit year, `"00001-01-01..."`). Use `parseQacDate` to get a `Date | null`.
 */
export type QacDateString = string;

/** `metadata.result_set` of a list response. */
export interface ResultSet {
  /** Items in this page. */
  count: number;
  offset: number;
  limit: number;
  /** All items matching the filter. */
  total: number;
}

/** The caller's access level for an area: 0 none, 1 read, 2 update, 3 read+update, 4 delete, 5 read+delete, 7 full. */
export interface Permissions {
  acl: number;
}

/** Envelope of every list GET (and `POST .../search`). */
export interface ListEnvelope<T> {
  metadata: { result_set: ResultSet; permissions?: Permissions };
  results: T[];
}

/** A custom field value as sent in `custom_fields`. */
export interface CustomField {
  /** A string such as `"Custom1"` in the documentation's sample (reference §13), a number elsewhere. */
  Id?: number | string;
  Name?: string;
  Value?: unknown;
}

/** Query parameters of every list GET. The API's default limit is 25; the client sends its page size. */
export interface ListQuery {
  offset?: number;
  limit?: number;
  /** A filter expression (see `filter`); sent as the `Filter` query parameter. */
  Filter?: string;
}

/** Body of `POST .../search` (tests, configurations): for filters too long for a URL. */
export interface SearchBody {
  Filter: string;
}
