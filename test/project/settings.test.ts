import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings, withAppRecords, writeSettings } from '../../generator/project/settings';

const folder = () => mkdtempSync(join(tmpdir(), 'settings-'));

describe('connected-app.json', () => {
  test('is empty when absent', () => {
    expect(readSettings(folder())).toEqual({ apps: {} });
  });

  test('round-trips, with outputs de-duplicated and sorted, and is written only when it changes', () => {
    const root = folder();
    let settings = withAppRecords({ apps: {} }, [{ app: 'b-app', contactEmail: 'b@example.com', output: { env: 'sandbox' } }]);
    settings = withAppRecords(settings, [
      { app: 'b-app', output: { env: 'prod' } },
      { app: 'b-app', output: { env: 'prod' } },
      { app: 'a-app' },
    ]);
    expect(writeSettings(root, settings, join(root, 'tmp'))).toBe(true);
    expect(writeSettings(root, settings, join(root, 'tmp'))).toBe(false);
    expect(readSettings(root)).toEqual({
      apps: { 'a-app': {}, 'b-app': { contactEmail: 'b@example.com', outputs: [{ env: 'prod' }, { env: 'sandbox' }] } },
    });
    expect(Object.keys(JSON.parse(readFileSync(join(root, 'connected-app.json'), 'utf8')).apps)).toEqual(['a-app', 'b-app']);
  });

  test.each([
    ['{', /connected-app\.json: not valid JSON/],
    ['[]', /must hold a JSON object/],
    ['{"apps": {"x": {"contactEmail": 3}}}', /apps\.x\.contactEmail must be a string/],
    ['{"apps": {"x": {"outputs": [{"environment": "prod"}]}}}', /apps\.x\.outputs must be a list of/],
  ])('%s is refused with a message naming the file', (text, message) => {
    const root = folder();
    writeFileSync(join(root, 'connected-app.json'), text);
    expect(() => readSettings(root)).toThrow(message);
  });
});
