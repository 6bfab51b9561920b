import type { LucideIcon } from 'lucide-react';
import { Card, CardDescription, CardTitle } from './card';

/** Stands in for a screen whose feature has not landed, saying plainly what it will do. */
export function ComingSoon({ icon: Icon, title, points }: { icon: LucideIcon; title: string; points: string[] }) {
  return (
    <Card data-testid="coming-soon">
      <div className="flex items-center gap-3">
        <Icon className="size-5 text-muted-foreground" aria-hidden />
        <CardTitle>{title}</CardTitle>
      </div>
      <CardDescription>Not available yet. This screen will let you:</CardDescription>
      <ul className="mt-3 list-disc space-y-1 pl-6 text-sm">
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </Card>
  );
}
