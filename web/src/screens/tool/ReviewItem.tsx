import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DemoBadge } from '../../components/DemoBadge';
import { FormAlert, FormSuccess, TextAreaField, FormActions } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { CRITERIA } from './criteria';
import { useFlagReview } from './useFlagReview';
import { useVoteReviewHelpful } from './useVoteReviewHelpful';
import { OrganizationLink } from '../../components/OrganizationLink';
import { Fact } from '../../components/Fact';

export const ReviewItem_review = graphql(`
  fragment ReviewItem_review on Review {
    id
    title
    body
    pros
    cons
    rating
    easeOfUse
    outputQuality
    support
    dataProtection
    valueForMoney
    accessibility
    verified
    helpfulCount
    authorName
    organization {
      id
      name
      siren
    }
    createdAt
    updatedAt
    isDemo
    versionCount
    viewerCanVote
    viewerCanFlag
  }
`);

/** "★★★★☆", read out as "4 sur 5". */
/** A review's title, as a heading of `level`, then its rating out of 5 and the badges given as children. */
export function ReviewHeading(props: { level: 'h2' | 'h3'; titleId: string; title: string; rating: number; children: ReactNode }) {
  const Heading = props.level;
  return (
    <>
      <Heading id={props.titleId} className="review__title">
        {props.title}
      </Heading>
      <p className="review__rating">
        <Stars value={props.rating} /> <span className="review__score">{props.rating}/5</span>
        {props.children}
      </p>
    </>
  );
}

export function Stars({ value }: { value: number }) {
  const full = Math.max(0, Math.min(5, Math.round(value)));
  return (
    <span className="stars" role="img" aria-label={`${value} sur 5`}>
      <span aria-hidden="true">{'★'.repeat(full)}</span>
      <span aria-hidden="true" className="stars__empty">
        {'☆'.repeat(5 - full)}
      </span>
    </span>
  );
}

/** « Signaler »: asks the reason, then sends it to the moderators. */
function FlagForm({ reviewId, onClose }: { reviewId: string; onClose: (sent: boolean) => void }) {
  const [flag, { loading }] = useFlagReview();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const headingId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = clientValidation(reason.trim().length >= 3 ? {} : { reason: 'Expliquez le problème en quelques mots (3 caractères au moins).' });
    setErrors(local);
    if (local) return;
    const outcome = await flag(reviewId, reason.trim());
    if (outcome.ok) onClose(true);
    else setErrors(outcome.errors);
  };
  return (
    <form className="review__flag" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)}>
      <p id={headingId} className="review__flag-title">
        Signaler cet avis aux modérateurs
      </p>
      <FormAlert errors={errors} placed={['reason']} />
      <TextAreaField label="Motif du signalement" error={errors?.fields['reason']} rows={2} maxLength={500} value={reason} onChange={setReason} />
      <FormActions submit="Envoyer le signalement" busy={loading} cancel="Annuler" onCancel={() => onClose(false)} small />
    </form>
  );
}

/**
 * One review: the collectivité's verdict, its criteria, and « Utile » / « Signaler » when the API says the
 * signed-in person may vote for it (not their own collectivité's) or flag it.
 */
export function ReviewItem(props: { review: FragmentType<typeof ReviewItem_review> }) {
  const review = getFragmentData(ReviewItem_review, props.review);
  const { viewerCanVote: canVote, viewerCanFlag: canFlag } = review;
  const [vote, { loading: voting }] = useVoteReviewHelpful();
  const [flagging, setFlagging] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const titleId = useId();
  const rated = CRITERIA.filter(([key]) => review[key] != null);
  const edited = review.versionCount > 0;

  return (
    <article className="review" aria-labelledby={titleId}>
      <header className="review__header">
        <ReviewHeading level="h3" titleId={titleId} title={review.title} rating={review.rating}>
          {review.verified ? (
            <span className="badge badge--verified" title="La collectivité a déployé cet outil (expérimentation, production ou abandon)">
              Avis vérifié
            </span>
          ) : null}
          <DemoBadge show={review.isDemo} />
        </ReviewHeading>
        <p className="review__meta">
          <OrganizationLink organization={review.organization} />
          {review.authorName ? ` · ${review.authorName}` : ''} · publié le{' '}
          <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
          {edited ? (
            <>
              {' '}
              · mis à jour le <time dateTime={review.updatedAt}>{formatDate(review.updatedAt)}</time>
            </>
          ) : null}
        </p>
      </header>
      <p className="review__body">{review.body}</p>
      {review.pros || review.cons ? (
        <dl className="review__pros-cons">
          {review.pros ? (
            <Fact term="Points forts">{review.pros}</Fact>
          ) : null}
          {review.cons ? (
            <Fact term="Points faibles">{review.cons}</Fact>
          ) : null}
        </dl>
      ) : null}
      {rated.length > 0 ? (
        <ul className="review__criteria">
          {rated.map(([key, label]) => (
            <li key={key}>
              {label} : {review[key]}/5
            </li>
          ))}
        </ul>
      ) : null}
      {canVote || canFlag ? (
        <footer className="review__actions">
          {canVote ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={voting}
              aria-describedby={titleId}
              onClick={() => {
                setNotice(undefined);
                void vote(review.id).then((outcome) =>
                  setNotice(outcome.ok ? { ok: true, text: 'Merci pour votre vote.' } : { ok: false, text: outcome.errors.message }),
                );
              }}
            >
              Utile ({review.helpfulCount})
            </button>
          ) : (
            <span className="muted">Utile pour {review.helpfulCount} personne(s)</span>
          )}
          {canFlag && !flagging ? (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-describedby={titleId}
              onClick={() => {
                setNotice(undefined);
                setFlagging(true);
              }}
            >
              Signaler
            </button>
          ) : null}
        </footer>
      ) : null}
      {flagging ? (
        <FlagForm
          reviewId={review.id}
          onClose={(sent) => {
            setFlagging(false);
            if (sent) setNotice({ ok: true, text: 'Merci : l’avis est signalé aux modérateurs.' });
          }}
        />
      ) : null}
      {notice ? (
        notice.ok ? (
          <FormSuccess>{notice.text}</FormSuccess>
        ) : (
          <p role="alert" className="form-alert">
            {notice.text}
          </p>
        )
      ) : null}
    </article>
  );
}
