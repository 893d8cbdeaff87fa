// The sound and title notification for new customer messages and assignments.
const soundSettingKey = 'kefu.console.sound';
let audioContext: AudioContext | null = null;

export function isSoundEnabled(): boolean {
  return localStorage.getItem(soundSettingKey) !== 'off';
}

export function setSoundEnabled(enabled: boolean): void {
  localStorage.setItem(soundSettingKey, enabled ? 'on' : 'off');
}

/** Two short tones made with Web Audio: no audio file to download, nothing when the browser forbids it. */
export function playNotificationSound(): void {
  if (!isSoundEnabled()) return;
  try {
    audioContext ??= new AudioContext();
    const context = audioContext;
    for (const [index, frequency] of [880, 1320].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const start = context.currentTime + index * 0.12;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, start);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.1);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.11);
    }
  } catch {
    // Autoplay policies may refuse audio before the first user gesture; the title still changes.
  }
}

export function updateDocumentTitle(unreadTotal: number, baseTitle: string, template: string): void {
  document.title = unreadTotal > 0 ? template : baseTitle;
}
