import { NotFound } from '../../components/NotFound';

export function NotFoundPage() {
  return (
    <NotFound what="Page" backTo="/catalogue" backLabel="Retour au catalogue">
      L'adresse demandée ne correspond à aucune page de Mutualis.
    </NotFound>
  );
}
