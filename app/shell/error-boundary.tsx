import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Trans } from 'react-i18next';

interface State {
  error: Error | null;
}

/**
 * Keeps one broken screen from blanking the whole window: the sidebar stays usable and the error
 * is shown (and logged) where the screen would be.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen crashed:', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="mx-auto max-w-3xl p-8">
        <h1 className="text-xl font-semibold">
          <Trans i18nKey="shell.crash.title" />
        </h1>
        <p className="mt-2 font-mono text-sm text-destructive">{this.state.error.message}</p>
        <p className="mt-2 text-sm text-muted-foreground">
          <Trans i18nKey="shell.crash.safe" />
        </p>
      </div>
    );
  }
}
