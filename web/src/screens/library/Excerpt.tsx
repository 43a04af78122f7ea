/** A search excerpt: the API cuts it into plain and highlighted pieces; highlighted ones become <mark>, never HTML. */
export function Excerpt({ pieces }: { pieces: readonly { text: string; highlighted: boolean }[] }) {
  return (
    <p className="library-hit__excerpt">
      {pieces.map((piece, index) => (piece.highlighted ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>))}
    </p>
  );
}
