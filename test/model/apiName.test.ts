import { apiNameFromLabel, apiNameProblem } from '../../generator/model/apiName';

describe('apiNameFromLabel: what Setup fills into "API Name"', () => {
  test.each([
    ['Fullcast Motion Package', 'Fullcast_Motion_Package'],
    ['  Fullcast   Motion  ', 'Fullcast_Motion'],
    ['Fullcast - Motion (v2)!', 'Fullcast_Motion_v2'],
    ['--Fullcast', 'Fullcast'],
    ['2nd App', 'X2nd_App'],
    ['Équipe Sales', 'quipe_Sales'],
    ['A'.repeat(39) + ' B', 'A'.repeat(39)],
    ['日本語', ''],
  ])('%j → %j', (label, apiName) => {
    expect(apiNameFromLabel(label)).toBe(apiName);
  });

  test('every derived name that is not empty passes the API-name rules', () => {
    for (const label of ['Fullcast Motion Package', '2nd App', 'a__b', 'x-y_z', '_lead', 'ends with _', 'A'.repeat(60)]) {
      const name = apiNameFromLabel(label);
      expect([label, apiNameProblem(name)]).toEqual([label, undefined]);
    }
  });
});
