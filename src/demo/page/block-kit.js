// Block Kit, rendered as Slack's client shows it, for the blocks and elements passdesk uses:
// header, section (text, fields, button accessory), context, divider, actions (buttons) and
// input (plain text, number, select, radio buttons, checkboxes, user picker).
// Each input is labelled by its Block Kit label; its hint and error are linked with aria-describedby.
'use strict';

const BlockKit = (() => {
  const EMOJI = { white_check_mark: '✅', warning: '⚠️', x: '❌', lock: '🔒', key: '🔑', hourglass: '⌛', bell: '🔔', information_source: 'ℹ️', wave: '👋' };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  /** Slack's mrkdwn: *bold*, _italic_, ~strike~, `code`, <url|text>, :emoji:, line breaks. */
  function mrkdwn(text) {
    return escapeHtml(text)
      .replace(/&lt;(https?:[^|&]+)\|([^&]+)&gt;/g, '<a href="$1" target="_blank" rel="noopener">$2</a>')
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<strong>$2</strong>')
      .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<em>$2</em>')
      .replace(/(^|[\s(])~([^~\n]+)~/g, '$1<s>$2</s>')
      .replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole)
      .replace(/\n/g, '<br>');
  }

  function textHtml(textObject) {
    if (!textObject) return '';
    return textObject.type === 'mrkdwn' ? mrkdwn(textObject.text) : escapeHtml(textObject.text).replace(/\n/g, '<br>');
  }

  function el(tag, attributes = {}, html) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  /** A DOM id for an input element, stable across renders of the same block and action. */
  function inputId(prefix, block) {
    return `${prefix}-${block.block_id}-${block.element.action_id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  function button(element, block, ctx) {
    const node = el('button', { type: 'button', class: element.style ?? undefined }, escapeHtml(element.text.text));
    node.addEventListener('click', () => {
      if (element.url) window.open(element.url, '_blank', 'noopener');
      ctx.onButton(element, block);
    });
    return node;
  }

  function optionText(option) {
    return option.text.text;
  }

  function allOptions(element) {
    return element.options ?? (element.option_groups ?? []).flatMap((group) => group.options);
  }

  /** The form control(s) of an input block; `describedBy` names its hint and error. */
  function control(block, id, describedBy, ctx) {
    const element = block.element;
    const common = { id, 'aria-describedby': describedBy || undefined, 'data-block': block.block_id };
    switch (element.type) {
      case 'plain_text_input': {
        const tag = element.multiline ? 'textarea' : 'input';
        const node = el(tag, { ...common, maxlength: element.max_length, placeholder: element.placeholder?.text, autocomplete: 'off' });
        node.value = element.initial_value ?? '';
        return node;
      }
      case 'number_input': {
        const node = el('input', { ...common, type: 'number', step: element.is_decimal_allowed ? 'any' : '1', min: element.min_value, max: element.max_value });
        node.value = element.initial_value ?? '';
        return node;
      }
      case 'static_select':
      case 'users_select': {
        const node = el('select', common);
        node.append(el('option', { value: '' }, escapeHtml(element.placeholder?.text ?? 'Choose…')));
        const choices = element.type === 'users_select'
          ? ctx.people.map((person) => ({ value: person.id, text: `${person.name} (${person.role})` }))
          : allOptions(element).map((option) => ({ value: option.value, text: optionText(option) }));
        const initial = element.type === 'users_select' ? element.initial_user : element.initial_option?.value;
        for (const choice of choices) node.append(el('option', { value: choice.value, selected: choice.value === initial }, escapeHtml(choice.text)));
        return node;
      }
      case 'radio_buttons':
      case 'checkboxes': {
        const group = el('div', { ...common, role: element.type === 'radio_buttons' ? 'radiogroup' : 'group', 'aria-labelledby': `${id}-label` });
        const initial = element.type === 'radio_buttons' ? [element.initial_option?.value] : (element.initial_options ?? []).map((option) => option.value);
        element.options.forEach((option, index) => {
          const choiceId = `${id}-${index}`;
          const input = el('input', { type: element.type === 'radio_buttons' ? 'radio' : 'checkbox', id: choiceId, name: id, value: option.value, checked: initial.includes(option.value) });
          const label = el('label', { for: choiceId, class: 'choice' });
          label.append(input, ` ${optionText(option)}`);
          group.append(label);
        });
        return group;
      }
      default:
        return el('p', { class: 'hint' }, `(${escapeHtml(element.type)} is not shown by the simulator)`);
    }
  }

  function inputBlock(block, ctx) {
    const id = inputId(ctx.idPrefix, block);
    const grouped = block.element.type === 'radio_buttons' || block.element.type === 'checkboxes';
    const wrapper = el('div', { class: 'block input' });
    const labelText = escapeHtml(block.label.text) + (block.optional ? ' <span class="hint">(optional)</span>' : '');
    wrapper.append(grouped ? el('span', { class: 'label', id: `${id}-label` }, labelText) : el('label', { for: id }, labelText));
    const error = ctx.errors?.[block.block_id];
    const describedBy = [block.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const node = control(block, id, describedBy, ctx);
    if (error) node.setAttribute('aria-invalid', 'true');
    wrapper.append(node);
    if (error) wrapper.append(el('p', { class: 'error', id: `${id}-error` }, escapeHtml(error)));
    if (block.hint) wrapper.append(el('p', { class: 'hint', id: `${id}-hint` }, escapeHtml(block.hint.text)));
    return wrapper;
  }

  function renderBlock(block, ctx) {
    switch (block.type) {
      case 'header':
        return el('div', { class: 'block header' }, `<h3>${escapeHtml(block.text.text)}</h3>`);
      case 'divider':
        return el('hr', { class: 'block divider' });
      case 'context':
        return el('div', { class: 'block context' }, block.elements.map((item) => (item.type === 'image' ? '' : textHtml(item))).join(' '));
      case 'section': {
        const node = el('div', { class: block.accessory ? 'block section with-accessory' : 'block section' });
        const body = el('div', {}, textHtml(block.text));
        if (block.fields) body.append(el('div', { class: 'fields' }, block.fields.map((field) => `<div>${textHtml(field)}</div>`).join('')));
        node.append(body);
        if (block.accessory?.type === 'button') node.append(button(block.accessory, block, ctx));
        return node;
      }
      case 'actions': {
        const node = el('div', { class: 'block actions' });
        for (const element of block.elements) if (element.type === 'button') node.append(button(element, block, ctx));
        return node;
      }
      case 'input':
        return inputBlock(block, ctx);
      default:
        return el('p', { class: 'hint' }, `(a ${escapeHtml(block.type)} block)`);
    }
  }

  /**
   * Renders `blocks` into a fragment. ctx: { idPrefix, errors (by block_id), people (for user
   * pickers), onButton(element, block) }.
   */
  function render(blocks, ctx) {
    const fragment = document.createDocumentFragment();
    for (const block of blocks ?? []) fragment.append(renderBlock(block, ctx));
    return fragment;
  }

  /** What the user has entered, in Slack's view.state.values shape: block_id → action_id → value. */
  function stateValues(blocks, root, idPrefix) {
    const values = {};
    for (const block of blocks ?? []) {
      if (block.type !== 'input') continue;
      const element = block.element;
      const id = inputId(idPrefix, block);
      const node = root.querySelector(`#${id}`);
      if (!node) continue;
      const option = (value) => allOptions(element).find((candidate) => candidate.value === value) ?? null;
      const asOption = (found) => (found ? { text: found.text, value: found.value } : null);
      let value;
      switch (element.type) {
        case 'plain_text_input':
        case 'number_input':
          value = { type: element.type, value: node.value === '' ? null : node.value };
          break;
        case 'static_select':
          value = { type: element.type, selected_option: asOption(option(node.value)) };
          break;
        case 'users_select':
          value = { type: element.type, selected_user: node.value || null };
          break;
        case 'radio_buttons': {
          const checked = node.querySelector('input:checked');
          value = { type: element.type, selected_option: checked ? asOption(option(checked.value)) : null };
          break;
        }
        case 'checkboxes':
          value = { type: element.type, selected_options: [...node.querySelectorAll('input:checked')].map((box) => asOption(option(box.value))) };
          break;
        default:
          continue;
      }
      values[block.block_id] = { [element.action_id]: value };
    }
    return values;
  }

  /** Puts back what the user had typed in inputs that are still there after a re-render. */
  function restoreValues(root, saved) {
    for (const [id, value] of Object.entries(saved)) {
      const node = root.querySelector(`#${id}`);
      if (!node) continue;
      if (node.matches('input, textarea, select')) node.value = value;
      else for (const box of node.querySelectorAll('input')) box.checked = value.includes(box.value);
    }
  }

  /** What is typed or chosen in each control under `root`, by control id. */
  function saveValues(root) {
    const saved = {};
    for (const node of root.querySelectorAll('[data-block]')) {
      saved[node.id] = node.matches('input, textarea, select') ? node.value : [...node.querySelectorAll('input:checked')].map((box) => box.value);
    }
    return saved;
  }

  return { render, stateValues, saveValues, restoreValues, mrkdwn, textHtml, escapeHtml };
})();
