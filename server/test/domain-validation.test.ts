import { describe, expect, it } from 'vitest';
import { CountryCode, HttpUrl, luhnValid, Siren, Siret, Slug } from '../src/shared/validation.ts';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0]!.message);

describe('shared input rules', () => {
  it('accepts a SIREN whose Luhn key is right, spaces ignored, and refuses a wrong key or length', () => {
    // Ville de Besançon 212500565, digits from the right 5 6 5 0 0 5 2 1 2, every second one doubled (6→12→3, 0, 5→10→1,
    // 1→2): 5+3+5+0+0+1+2+2+2 = 20, a multiple of 10
    expect(Siren.safeParse('212 500 565')).toEqual({ success: true, data: '212500565' });
    expect(luhnValid('212500565')).toBe(true);
    // last digit 5 → 6: the sum becomes 21
    expect(message(Siren.safeParse('212500566'))).toBe('Ce SIREN n’est pas valide (clé de contrôle).');
    expect(message(Siren.safeParse('21250056'))).toBe('Le SIREN doit comporter 9 chiffres.');
    expect(message(Siren.safeParse('21250056a'))).toBe('Le SIREN doit comporter 9 chiffres.');
  });

  it('checks a SIRET the same way over its 14 digits', () => {
    // 212500565 + NIC 0001x: from the right x, 1→2, 0, 0, 0, then 5→1, 6, 5→1, 0, 0, 5, 2→4, 1, 2→4: 24 + x, so x = 6
    expect(Siret.safeParse('21250056500016')).toEqual({ success: true, data: '21250056500016' });
    expect(message(Siret.safeParse('21250056500014'))).toBe('Ce SIRET n’est pas valide (clé de contrôle).');
    expect(message(Siret.safeParse('212500565'))).toBe('Le SIRET doit comporter 14 chiffres.');
  });

  it('knows the 249 assigned ISO 3166-1 codes and nothing else', () => {
    for (const code of ['FR', 'DE', 'US', 'GF', 'RE', 'AX']) expect(CountryCode.safeParse(code).success, code).toBe(true);
    // user-assigned (XX, ZZ), exceptionally reserved (UK, EU), withdrawn (YU, SU), lower case
    for (const code of ['XX', 'ZZ', 'UK', 'EU', 'YU', 'SU', 'fr', 'FRA']) expect(CountryCode.safeParse(code).success, code).toBe(false);
  });

  it('takes lower-case slugs with single hyphens and http(s) addresses only', () => {
    expect(Slug.safeParse('api-mistral').success).toBe(true);
    for (const slug of ['Api', 'api--mistral', '-api', 'api-', 'café', 'a b']) expect(Slug.safeParse(slug).success, slug).toBe(false);
    expect(HttpUrl.safeParse('https://www.grandbesancon.fr/charte-ia.pdf').success).toBe(true);
    for (const url of ['ftp://example.fr', 'javascript:alert(1)', 'https://a b.fr', `https://x.fr/${'a'.repeat(1000)}`]) expect(HttpUrl.safeParse(url).success, url).toBe(false);
  });
});
