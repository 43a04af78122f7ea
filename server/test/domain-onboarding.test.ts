import { describe, expect, it } from 'vitest';
import {
  adminRequestRefusal,
  decidersLabel,
  distinctiveWords,
  domainHint,
  domainLooksLikeOrganization,
  emailDomain,
  type AdminRequestState,
} from '../src/modules/onboarding/rules.ts';

describe('the e-mail domain hint', () => {
  it('reads the domain after the last @, in lower case', () => {
    expect(emailDomain('Jeanne.Martin@Mairie-Saone.FR')).toBe('mairie-saone.fr');
    expect(emailDomain('pas-une-adresse')).toBe('');
  });

  it('keeps the distinctive words of a name, without accents or common words', () => {
    expect(distinctiveWords('Saône')).toEqual(['saone']);
    expect(distinctiveWords('Communauté de communes du Pays de Montbéliard')).toEqual(['montbeliard']);
    expect(distinctiveWords('Saint-Étienne')).toEqual(['etienne']);
  });

  it('recognizes the organization in its domain, hyphens or not', () => {
    expect(domainHint('mairie-saone.fr', 'Saône')).toBe('ORGANIZATION_NAME');
    expect(domainHint('villedebesancon.fr', 'Besançon')).toBe('ORGANIZATION_NAME');
    expect(domainHint('saint-etienne.fr', 'Saint-Étienne')).toBe('ORGANIZATION_NAME');
    expect(domainHint('agglo-montbeliard.fr', 'Communauté de communes du Pays de Montbéliard')).toBe('ORGANIZATION_NAME');
  });

  it('tells public-sector domains, personal mailboxes and unrelated domains apart', () => {
    expect(domainHint('doubs.gouv.fr', 'Saône')).toBe('PUBLIC_SECTOR');
    expect(domainHint('gouv.fr', 'Saône')).toBe('PUBLIC_SECTOR');
    expect(domainHint('gmail.com', 'Saône')).toBe('PERSONAL_MAILBOX');
    expect(domainHint('wanadoo.fr', 'Saône')).toBe('PERSONAL_MAILBOX');
    expect(domainHint('exemple.com', 'Saône')).toBe('UNRELATED');
    // "gouv.fr" must end the domain, not sit inside it
    expect(domainHint('gouv.fr.exemple.com', 'Saône')).toBe('UNRELATED');
    // a common word alone identifies nobody
    expect(domainHint('ville.fr', 'Ville de Saint-Lô')).toBe('UNRELATED');
  });

  it('speaks for the applicant only for the name or a public domain', () => {
    expect(domainLooksLikeOrganization('ORGANIZATION_NAME')).toBe(true);
    expect(domainLooksLikeOrganization('PUBLIC_SECTOR')).toBe(true);
    expect(domainLooksLikeOrganization('PERSONAL_MAILBOX')).toBe(false);
    expect(domainLooksLikeOrganization('UNRELATED')).toBe(false);
  });
});

describe('who may ask for the ORG_ADMIN role', () => {
  const first: AdminRequestState = {
    collectivite: true,
    membershipStatus: 'APPROVED',
    verified: false,
    isOrgAdmin: false,
    ownRequest: null,
    organizationHasAdmin: false,
    otherPendingRequest: false,
  };

  it('the first approved or ProConnect-verified member of an organization without administrator', () => {
    expect(adminRequestRefusal(first)).toBeNull();
    expect(adminRequestRefusal({ ...first, membershipStatus: 'PENDING', verified: true })).toBeNull();
    // refused before: may ask again
    expect(adminRequestRefusal({ ...first, ownRequest: 'REFUSED' })).toBeNull();
  });

  it('nobody else, each with its reason', () => {
    expect(adminRequestRefusal({ ...first, membershipStatus: 'PENDING' })).toMatch(/membre approuvé, ou dont ProConnect/);
    expect(adminRequestRefusal({ ...first, membershipStatus: 'REJECTED', verified: true })).toMatch(/refusée/);
    expect(adminRequestRefusal({ ...first, collectivite: false })).toMatch(/Seules les collectivités/);
    expect(adminRequestRefusal({ ...first, organizationHasAdmin: true })).toMatch(/déjà un administrateur/);
    expect(adminRequestRefusal({ ...first, isOrgAdmin: true })).toMatch(/déjà administrateur/);
    expect(adminRequestRefusal({ ...first, ownRequest: 'PENDING' })).toMatch(/déjà en cours/);
    expect(adminRequestRefusal({ ...first, otherPendingRequest: true })).toMatch(/autre personne/);
  });
});

describe('who decides, as the applicant is told', () => {
  it('the organization’s administrators, or the platform team', () => {
    expect(decidersLabel('Besançon', 2)).toBe('les 2 administrateurs de Besançon');
    expect(decidersLabel('Besançon', 1)).toBe('l’administrateur de Besançon');
    expect(decidersLabel('Saône', 0)).toBe('l’équipe Mutualis');
  });
});
