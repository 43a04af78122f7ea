import type { PricesPaidFigures } from '../contracts/contractFormat';
import { pricesPaidText } from '../contracts/contractFormat';
import { Unknown } from './compareFormat';

/**
 * « Prix payés par d’autres collectivités »: median and range per inhabitant of the tool's confirmed public
 * contracts (DECP), with their number; when the tool has none, those of its provider are given as a hint.
 */
export function PricesPaidCell({ paid, providerPaid, providerName }: { paid: PricesPaidFigures; providerPaid: PricesPaidFigures; providerName: string }) {
  const own = pricesPaidText(paid);
  const provider = paid.contractCount === 0 && providerPaid.contractCount > 0 ? pricesPaidText(providerPaid) : null;
  return (
    <>
      {paid.contractCount === 0 ? <Unknown reason={own.main} /> : <span className="compare-value">{own.main}</span>}
      {own.detail ? <span className="compare-meta">{own.detail}</span> : null}
      {provider ? (
        <span className="compare-meta">
          Autres outils de {providerName} : {provider.main}
          {provider.detail ? ` (${provider.detail})` : ''}
        </span>
      ) : null}
      {paid.contractCount > 0 || provider ? <span className="compare-meta">Source : DECP, marchés confirmés</span> : null}
    </>
  );
}
