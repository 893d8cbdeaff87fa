// The opening screen, shown while the conversation has no messages: the greeting, 猜你想问 and, for a
// signed-in shopper, their recent orders. Tapping a question or an order sends it as the first message.
import type { VisitorWelcome } from '@kefu/sdk';
import { renderOrderCard, type CardViewContext } from './cardView';
import { createElement } from './createElement';

export function renderWelcome(
  welcome: VisitorWelcome,
  context: CardViewContext,
  onAsk: (text: string) => void,
): HTMLElement {
  const { strings } = context;
  const askButton = (label: string, text: string, className: string) => {
    const button = createElement('button', { className, text: label, attributes: { type: 'button' } });
    button.addEventListener('click', () => onAsk(text));
    return button;
  };
  return createElement('div', {
    className: 'kefu-welcome',
    attributes: { 'data-testid': 'kefu-welcome' },
    children: [
      createElement('div', {
        className: 'kefu-row kefu-row--bot',
        children: [
          createElement('div', { className: 'kefu-sender', text: strings.botLabel }),
          createElement('div', { className: 'kefu-text', text: welcome.greeting }),
        ],
      }),
      welcome.suggestions.length > 0
        ? createElement('section', {
            className: 'kefu-suggestions',
            attributes: { 'aria-label': strings.suggestionsTitle },
            children: [
              createElement('h3', { className: 'kefu-section-title', text: strings.suggestionsTitle }),
              ...welcome.suggestions.map((suggestion) =>
                askButton(suggestion.label, suggestion.text, 'kefu-suggestion'),
              ),
            ],
          })
        : null,
      welcome.orders.length > 0
        ? createElement('section', {
            className: 'kefu-recent-orders',
            attributes: { 'aria-label': strings.recentOrders },
            children: [
              createElement('h3', { className: 'kefu-section-title', text: strings.recentOrders }),
              ...welcome.orders.map((order) =>
                createElement('div', {
                  className: 'kefu-recent-order',
                  children: [
                    renderOrderCard(order, context, true),
                    askButton(
                      strings.askAboutOrder,
                      strings.askAboutOrderText(order.orderNumber),
                      'kefu-chip',
                    ),
                  ],
                }),
              ),
            ],
          })
        : null,
    ],
  });
}
