import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { FormActions, FormAlert, FormSuccess, TextAreaField } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ModerationAction } from '../../gql/graphql';
import { formatDate, formatInteger } from '../../lib/format';
import { MODERATION_STATUS_LABELS } from '../../lib/labels';
import { clientValidation, type FormErrors } from '../../lib/mutationResult';
import { ReviewHeading } from '../tool/ReviewItem';
import { useModerateReview } from './useModerateReview';

export const ModerationItem_review = graphql(`
  fragment ModerationItem_review on Review {
    id
    title
    body
    rating
    flagCount
    moderationStatus
    moderationReason
    authorName
    createdAt
    organization {
      id
      name
      siren
    }
    tool {
      id
      slug
      name
    }
  }
`);

const ACTION_LABELS: Record<ModerationAction, string> = { HIDE: 'Masquer', RESTORE: 'Rétablir' };

/** A flagged or hidden review, with « Masquer » / « Rétablir » and the reason asked for. */
export function ModerationItem(props: { review: FragmentType<typeof ModerationItem_review> }) {
  const review = getFragmentData(ModerationItem_review, props.review);
  const [moderate, { loading }] = useModerateReview();
  const [action, setAction] = useState<ModerationAction>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>();
  const [done, setDone] = useState<string>();
  const titleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    const local = clientValidation(reason.trim().length >= 3 ? {} : { reason: 'Indiquez le motif (3 caractères au moins).' });
    setErrors(local);
    if (local) return;
    const outcome = await moderate(review.id, action, reason.trim());
    if (outcome.ok) {
      setDone(action === 'HIDE' ? 'L’avis est masqué.' : 'L’avis est rétabli.');
      setAction(undefined);
      setReason('');
    } else setErrors(outcome.errors);
  };

  const next: ModerationAction = review.moderationStatus === 'HIDDEN' ? 'RESTORE' : 'HIDE';
  return (
    <article className="review" aria-labelledby={titleId}>
      <header className="review__header">
        <ReviewHeading level="h2" titleId={titleId} title={review.title} rating={review.rating}>
          <span className={`badge badge--${review.moderationStatus === 'HIDDEN' ? 'hidden' : 'visible'}`}>
            {MODERATION_STATUS_LABELS[review.moderationStatus]}
          </span>
          <span className="badge badge--flags">
            {(review.flagCount ?? 0) > 1 ? `${formatInteger(review.flagCount ?? 0)} signalements` : `${review.flagCount ?? 0} signalement`}
          </span>
        </ReviewHeading>
        <p className="review__meta">
          Sur <Link to={`/catalogue/${review.tool.slug}`}>{review.tool.name}</Link> · {review.organization.name}
          {review.authorName ? ` · ${review.authorName}` : ''} · <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
        </p>
      </header>
      <p className="review__body">{review.body}</p>
      {review.moderationReason ? (
        <p className="muted">
          Dernier motif de modération : <q>{review.moderationReason}</q>
        </p>
      ) : null}
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      {action ? (
        <form className="review__flag" noValidate onSubmit={(event) => void submit(event)} aria-label={`${ACTION_LABELS[action]} l'avis`}>
          <FormAlert errors={errors} placed={['reason']} />
          <TextAreaField label="Motif" error={errors?.fields['reason']} rows={2} maxLength={500} value={reason} onChange={setReason} />
          <FormActions
            submit={`Confirmer : ${ACTION_LABELS[action].toLowerCase()}`}
            busy={loading}
            cancel="Annuler"
            onCancel={() => {
              setAction(undefined);
              setErrors(undefined);
            }}
            small
          />
        </form>
      ) : (
        <footer className="review__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-describedby={titleId}
            onClick={() => {
              setDone(undefined);
              setAction(next);
            }}
          >
            {ACTION_LABELS[next]}
          </button>
        </footer>
      )}
    </article>
  );
}
