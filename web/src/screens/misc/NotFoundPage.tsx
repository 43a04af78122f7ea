import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <>
      <title>Page introuvable — Mutualis</title>
      <h1>Page introuvable</h1>
      <p>L'adresse demandée ne correspond à aucune page de Mutualis.</p>
      <p>
        <Link to="/catalogue">Retour au catalogue</Link>
      </p>
    </>
  );
}
