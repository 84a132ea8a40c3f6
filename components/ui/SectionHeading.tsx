/** The small upper-case heading of a section in the summary and the privacy views. */
export function SectionHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="text-sm font-semibold tracking-wide text-slate-800 uppercase">
      {children}
    </h2>
  );
}
