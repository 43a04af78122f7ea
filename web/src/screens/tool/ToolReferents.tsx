import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { Field, FormActions, FormAlert, FormSuccess, TextAreaField, useFormValues } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import type { ToolReferentsQueryQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { DEPLOYMENT_STATUS_LABELS, ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { clientValidation } from '../../lib/mutationResult';
import { useBecomeReferent, useContactReferent, useWithdrawReferent } from '../referents/referentMutations';

export const ToolReferentsQuery = graphql(`
  query ToolReferentsQuery($toolSlug: String!, $after: String) {
    viewer {
      id
    }
    tool(slug: $toolSlug) {
      id
      name
      viewerCanBecomeReferent
      viewerReferent {
        id
        helpWith
        consentToContact
        withdrawnAt
      }
      referents(first: 10, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            name
            helpWith
            deploymentStatus
            viewerProximityLabel
            viewerIsReferent
            viewerCanContact
            isDemo
            updatedAt
            organization {
              id
              name
              kind
              departementName
            }
          }
        }
      }
    }
  }
`);

type Tool = NonNullable<ToolReferentsQueryQuery['tool']>;
type Referent = Tool['referents']['edges'][number]['node'];

const RELAY_NOTE = 'Votre message est relayé par la plateforme ; son adresse ne vous est communiquée que s’il vous répond.';

/** « Contacter »: a message relayed by the platform, the referent's address withheld until they answer. */
function ContactForm({ referent }: { referent: Referent }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const { values, bind, setValues, errors, setErrors } = useFormValues({ message: '' });
  const [contact, { loading }] = useContactReferent();
  if (sent) {
    return (
      <FormSuccess>
        Message envoyé à {referent.name}. Vous serez prévenu de sa réponse ; retrouvez vos messages dans <Link to="/mes-echanges">Mes échanges</Link>.
      </FormSuccess>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        Contacter {referent.name}
      </button>
    );
  }
  return (
    <form
      className="form"
      aria-label={`Écrire à ${referent.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const local = clientValidation(values.message.trim().length < 10 ? { message: 'Le message doit compter au moins 10 caractères.' } : {});
        setErrors(local);
        if (local) return;
        void contact(referent.id, values.message).then((outcome) => {
          if (!outcome.ok) return setErrors(outcome.errors);
          setValues({ message: '' });
          setSent(true);
        });
      }}
    >
      <FormAlert errors={errors} placed={['message']} />
      <TextAreaField label={`Votre message à ${referent.name}`} hint={RELAY_NOTE} rows={4} maxLength={2000} {...bind('message')} />
      <FormActions submit="Envoyer le message" busy={loading} cancel="Annuler" onCancel={() => setOpen(false)} small />
    </form>
  );
}

/** « Devenir référent pour cet outil » (or edit one's declaration): what one can help with, and consent. */
function BecomeReferentForm({ tool }: { tool: Tool }) {
  const own = tool.viewerReferent && !tool.viewerReferent.withdrawnAt ? tool.viewerReferent : null;
  const { values, bind, set, errors, setErrors } = useFormValues({
    helpWith: tool.viewerReferent?.helpWith ?? '',
    consentToContact: tool.viewerReferent?.consentToContact ?? true,
  });
  const [become, { loading }] = useBecomeReferent();
  const [done, setDone] = useState<string>();
  return (
    <form
      className="form"
      aria-label={own ? 'Modifier ma déclaration de référent' : 'Devenir référent pour cet outil'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const local = clientValidation(values.helpWith.trim().length < 10 ? { helpWith: 'Dites en au moins 10 caractères sur quoi vous pouvez aider.' } : {});
        setErrors(local);
        setDone(undefined);
        if (local) return;
        void become(tool.id, values.helpWith, values.consentToContact).then((outcome) => {
          if (!outcome.ok) return setErrors(outcome.errors);
          setDone(own ? 'Déclaration mise à jour.' : 'Vous êtes désormais référent pour cet outil.');
        });
      }}
    >
      <h3>{own ? 'Modifier ma déclaration de référent' : 'Devenir référent pour cet outil'}</h3>
      <FormAlert errors={errors} placed={['helpWith', 'consentToContact']} />
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      <TextAreaField
        label="Ce sur quoi je peux aider"
        hint="Par exemple : le déploiement, le marché public, la formation des agents, le RGPD. Votre adresse n’est jamais affichée."
        rows={3}
        maxLength={500}
        {...bind('helpWith')}
      />
      <Field
        label="J’accepte d’être contacté par la plateforme (retirable à tout moment)"
        hint="Décoché, vous n’apparaissez pas dans la liste des référents."
        error={errors?.fields['consentToContact']}
        className="field--checkbox"
      >
        {(control) => <input {...control} type="checkbox" checked={values.consentToContact} onChange={(event) => set('consentToContact')(event.target.checked)} />}
      </Field>
      <FormActions submit={own ? 'Enregistrer' : 'Devenir référent pour cet outil'} busy={loading} small />
    </form>
  );
}

function WithdrawButton({ id }: { id: string }) {
  const [withdraw, { loading }] = useWithdrawReferent();
  const [failure, setFailure] = useState<string>();
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={loading}
        onClick={() => void withdraw(id).then((outcome) => setFailure(outcome.ok ? undefined : outcome.errors.message))}
      >
        Ne plus être référent
      </button>
      {failure ? (
        <p role="alert" className="form-alert">
          {failure}
        </p>
      ) : null}
    </>
  );
}

function ReferentItem({ referent, signedIn }: { referent: Referent; signedIn: boolean }) {
  const location = useLocation();
  const organization = referent.organization;
  return (
    <li className="pending-list__item">
      <h3 className="queue__title">
        {referent.name} <DemoBadge show={referent.isDemo} />
      </h3>
      <p>
        {organization.name} ({organization.kind === 'EPCI' ? 'EPCI' : ORGANIZATION_KIND_LABELS[organization.kind].toLowerCase()}
        {organization.departementName ? `, ${organization.departementName}` : ''})
        {referent.viewerProximityLabel ? (
          <>
            {' · '}
            <span className="badge">{referent.viewerProximityLabel}</span>
          </>
        ) : null}
        {' · '}
        déploiement : {referent.deploymentStatus ? DEPLOYMENT_STATUS_LABELS[referent.deploymentStatus].toLowerCase() : 'non déclaré'}
      </p>
      <p>
        <strong>Peut aider sur :</strong> {referent.helpWith}
      </p>
      <p className="muted">
        Déclaré sur Mutualis le <time dateTime={referent.updatedAt}>{formatDate(referent.updatedAt)}</time>
      </p>
      {referent.viewerIsReferent ? <p className="muted">C’est vous.</p> : null}
      {referent.viewerCanContact ? <ContactForm referent={referent} /> : null}
      {!signedIn ? (
        <p className="muted">
          <Link to={`/connexion?retour=${encodeURIComponent(location.pathname)}`}>Connectez-vous</Link> pour lui écrire.
        </p>
      ) : null}
    </li>
  );
}

/** « Référents » on a tool page: agents whose collectivité deploys the tool, nearest first, and becoming one. */
export function ToolReferents({ toolSlug }: { toolSlug: string }) {
  const { data, error, refetch, fetchMore } = useQuery(ToolReferentsQuery, { variables: { toolSlug } });
  return (
    <section aria-labelledby="outil-referents">
      <h2 id="outil-referents">Référents : des agents qui peuvent vous aider</h2>
      <QueryState data={data} error={error} refetch={refetch} loadingLabel="Chargement des référents…">
        {({ tool, viewer }) => {
          if (!tool) return null;
          const own = tool.viewerReferent && !tool.viewerReferent.withdrawnAt ? tool.viewerReferent : null;
          const referents = tool.referents.edges.map((edge) => edge.node);
          return (
            <>
              <p className="muted">
                Des agents de collectivités qui utilisent {tool.name} proposent leur aide, les plus proches de votre collectivité d’abord. {RELAY_NOTE}
              </p>
              {referents.length === 0 ? <p>Aucun référent ne s’est encore déclaré pour cet outil.</p> : null}
              <ul className="pending-list">
                {referents.map((referent) => (
                  <ReferentItem key={referent.id} referent={referent} signedIn={!!viewer} />
                ))}
              </ul>
              <LoadMore pageInfo={tool.referents.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
              {own ? (
                <div className="notice">
                  <p>
                    Vous êtes référent pour cet outil{own.consentToContact ? '' : ' (sans accepter d’être contacté : vous n’êtes pas listé)'}.
                  </p>
                  <WithdrawButton id={own.id} />
                </div>
              ) : null}
              {tool.viewerCanBecomeReferent ? <BecomeReferentForm key={own ? 'own' : 'new'} tool={tool} /> : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
