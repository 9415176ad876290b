// Parsers for every renderer → main IPC payload, from `unknown`, with a readable error. The client
// protocol has its own (parseClientMessage); these cover the desktop-only channels.
import { z } from 'zod';
import { ClipboardLimits } from '../../shared/limits';
import { describeIssues, Id, type ParseResult } from '../../shared/protocol';
import { isSafeExternalUrl } from './security-policy';

export type Parser<T> = (raw: unknown) => ParseResult<T>;

function fromSchema<T>(schema: z.ZodType<T>): Parser<T> {
  return (raw) => {
    const result = schema.safeParse(raw);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, error: describeIssues(result.error) };
  };
}

function nothing(channel: string): Parser<null> {
  return (raw) =>
    raw === undefined || raw === null
      ? { ok: true, value: null }
      : { ok: false, error: `${channel} takes no payload` };
}

/** `tabterm:hello` carries nothing. */
export const parseHello = nothing('hello');

/** `tabterm:open-settings-file` carries nothing: the file is main's to know. */
export const parseOpenSettingsFile = nothing('open-settings-file');

/** `tabterm:paste` carries nothing either. */
export const parsePaste: Parser<null> = (raw) =>
  raw === undefined || raw === null
    ? { ok: true, value: null }
    : { ok: false, error: 'paste takes no payload' };

export const parseClipboardText = fromSchema(z.string().max(ClipboardLimits.maxWriteChars));

export const parseExternalUrl: Parser<string> = (raw) =>
  isSafeExternalUrl(raw)
    ? { ok: true, value: raw }
    : { ok: false, error: 'only http(s) URLs without credentials open externally' };

export const parseOpenWindow = fromSchema(z.strictObject({ tabId: Id.optional() }));

export const parseWorkspaceReport = fromSchema(z.strictObject({ workspaceId: Id.nullable() }));
