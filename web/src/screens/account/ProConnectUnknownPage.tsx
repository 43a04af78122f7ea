import { Link, useSearchParams } from 'react-router-dom';

const SIRET = /^\d{14}$/;

/** « 212 500 565 00017 »: a SIRET as it is usually written (SIREN in three groups, then the establishment's NIC). */
const spacedSiret = (siret: string) => `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;

/**
 * Where a ProConnect sign-in that Mutualis cannot take lands (the server chose the reason): the establishment's
 * organization is not on Mutualis (`organisation-inconnue`), or the account with this address belongs to another
 * organization (`motif=autre-organisation`), which is never changed silently. Each says what happened and what to do.
 */
export function ProConnectUnknownPage() {
  const [searchParams] = useSearchParams();
  const siretParam = searchParams.get('siret') ?? '';
  const siret = SIRET.test(siretParam) ? siretParam : null;
  const name = searchParams.get('nom')?.slice(0, 300) || null;
  const otherOrganization = searchParams.get('motif') === 'autre-organisation';
  const establishment = (
    <>
      {name ? <strong>{name}</strong> : 'votre établissement'}
      {siret ? ` (SIRET ${spacedSiret(siret)})` : ''}
    </>
  );

  return (
    <>
      <title>{otherOrganization ? 'Compte rattaché à une autre organisation' : 'Organisation inconnue'} — Mutualis</title>
      <h1>{otherOrganization ? 'Votre compte est rattaché à une autre organisation' : 'Votre organisation n’est pas sur Mutualis'}</h1>
      {otherOrganization ? (
        <>
          <p className="lead">
            ProConnect vous a bien identifié comme agent de {establishment}, mais le compte Mutualis qui porte votre adresse
            électronique appartient à une autre organisation.
          </p>
          <p className="notice">
            Nous ne déplaçons jamais un compte d’une organisation à une autre sans qu’on l’ait demandé : vous n’êtes pas connecté
            et rien n’a été modifié.
          </p>
          <h2>Que faire ?</h2>
          <ul>
            <li>
              Pour utiliser votre compte actuel, <Link to="/connexion">connectez-vous avec votre adresse électronique et votre mot de passe</Link>.
            </li>
            <li>
              Si vous avez changé d’organisation, demandez à l’équipe Mutualis de rattacher votre compte à la nouvelle (elle vérifie
              le changement avant de le faire).
            </li>
          </ul>
        </>
      ) : (
        <>
          <p className="lead">
            ProConnect vous a bien identifié comme agent de {establishment}, mais aucune collectivité de ce SIREN
            {siret ? ` (${spacedSiret(siret).slice(0, 11)})` : ''} n’est inscrite sur Mutualis.
          </p>
          <p className="notice">
            Mutualis est réservé aux collectivités territoriales françaises et à leurs groupements. Vous n’êtes pas connecté et aucun
            compte n’a été créé.
          </p>
          <h2>Que faire ?</h2>
          <ul>
            <li>
              Si vous travaillez pour une collectivité inscrite (par un autre établissement que celui-ci), <Link to="/inscription">créez un compte avec un mot de passe</Link> en choisissant votre collectivité : un de ses administrateurs approuvera votre adhésion.
            </li>
            <li>
              Si votre collectivité souhaite rejoindre Mutualis, contactez l’équipe Mutualis en indiquant son nom et son SIREN : elle
              l’inscrira.
            </li>
            <li>
              <Link to="/connexion">Revenir à la connexion</Link>
            </li>
          </ul>
        </>
      )}
    </>
  );
}
