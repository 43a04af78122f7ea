import { useQuery } from '@apollo/client/react';
import { Navigate, useLocation, useParams } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { FormSuccess } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { getFragmentData } from '../../gql';
import { PENDING_MESSAGE } from '../../lib/messages';
import { CoordinatorActions } from './CoordinatorActions';
import { DemandChart } from './DemandChart';
import { GroupExports } from './GroupExports';
import { GroupFacts } from './GroupFacts';
import { GroupInvitations } from './GroupInvitations';
import { groupIdFromSegment, groupNumber, groupPath } from './groupPath';
import { InvitationAnswer } from './InvitationAnswer';
import { GroupPage_group, GroupPageQuery } from './groupPageQuery';
import { MemberTable } from './MemberTable';
import { MembershipActions } from './MembershipActions';
import './groups.css';
import { NotFound as NotFoundPage } from '../../components/NotFound';
import { DetailHeader } from '../../components/DetailHeader';

function NotFound() {
  return (
    <NotFoundPage what="Groupement" backTo="/groupements" backLabel="Retour aux groupements">
      Aucun groupement ne correspond à cette adresse, ou il est encore en préparation chez son coordonnateur.
    </NotFoundPage>
  );
}

/**
 * /groupements/:id — a group: facts, demand against the price tiers, members and shares, actions, invitations, exports.
 * The address is /groupements/12-its-title; /groupements/12 and an older link's opaque id lead there (replaced).
 */
export function GroupPage() {
  const id = groupIdFromSegment(useParams().id ?? '');
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  // Other members join and commit meanwhile: shown from the cache, then refreshed.
  const { data, error, refetch } = useQuery(GroupPageQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });

  return (
    <QueryState data={data} error={error} refetch={refetch}>
      {({ viewer, viewerCan: can, purchasingGroup }) => {
        if (!purchasingGroup) return <NotFound />;
        const group = getFragmentData(GroupPage_group, purchasingGroup);
        const readable = groupPath(group);
        if (groupNumber(group.id) !== null && location.pathname !== readable) {
          return <Navigate to={{ pathname: readable, search: location.search }} replace state={location.state as unknown} />;
        }
        return (
          <article className="group-page">
            <DetailHeader heading={group.title} documentTitle={`${group.title} — Groupements — Mutualis`} backTo="/groupements" backLabel="Groupements">
              <DemoBadge show={group.isDemo} />
            </DetailHeader>
            {created ? (
              <FormSuccess>
                Le groupement est créé, en préparation : ouvrez-le aux adhésions quand sa présentation est prête.
              </FormSuccess>
            ) : null}
            {group.description ? <p className="lead">{group.description}</p> : null}
            <GroupFacts group={group} />
            <CoordinatorActions group={group} />
            <InvitationAnswer group={group} />
            {can.pending ? <p className="notice notice--warning">{PENDING_MESSAGE}</p> : null}
            <MembershipActions group={group} signedIn={!!viewer} organization={viewer?.organization} />
            <DemandChart group={group} />
            <MemberTable group={group} viewerOrganizationId={viewer?.organization.id} />
            <GroupInvitations group={group} />
            <GroupExports groupId={group.id} />
          </article>
        );
      }}
    </QueryState>
  );
}
