const tones = {
  info: 'border-slate-300 bg-slate-50',
  warning: 'border-amber-500 bg-amber-50',
  error: 'border-red-600 bg-red-50',
} as const;

export function Notice({
  title,
  body,
  tone = 'info',
  children,
}: {
  title: string;
  body?: string;
  tone?: keyof typeof tones;
  children?: React.ReactNode;
}) {
  return (
    <section
      className={`m-4 rounded border-l-4 p-4 ${tones[tone]}`}
      role={tone === 'info' ? undefined : 'alert'}
      aria-label={title}
    >
      <h2 className="text-base font-semibold">{title}</h2>
      {body && <p className="mt-1 text-sm text-slate-700">{body}</p>}
      {children}
    </section>
  );
}
