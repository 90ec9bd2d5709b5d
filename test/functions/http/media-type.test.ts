import { describe, expect, it } from 'vitest';
import { isJsonMediaType, requireJsonMediaType } from '../../../functions/http/media-type.ts';

describe('the JSON media type every request body must have', () => {
  it('accepts application/json in any case, with no charset or a UTF-8 one, and other parameters', () => {
    for (const type of ['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf-8"', 'application/json; charset=utf8', ' application/json ; q=1']) {
      expect(isJsonMediaType(type), type).toBe(true);
    }
  });

  it('refuses other types, structured-suffix JSON types and a charset that is not UTF-8', () => {
    for (const type of [undefined, '', 'text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/merge-patch+json', 'application/problem+json', 'application/json; charset=iso-8859-1', 'application/json; charset=gbk']) {
      expect(isJsonMediaType(type), String(type)).toBe(false);
    }
  });

  it('throws 415 UnsupportedMediaType naming what was sent and what to send', () => {
    expect(() => requireJsonMediaType('application/merge-patch+json')).toThrow(
      expect.objectContaining({ name: 'UnsupportedMediaType', status: 415, message: 'Content-Type: "application/merge-patch+json" is not accepted; send application/json (UTF-8)' }),
    );
    expect(() => requireJsonMediaType('application/json')).not.toThrow();
  });
});
