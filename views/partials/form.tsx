import type { Child } from 'hono/jsx';
import type { FieldErrors, FormValues } from '../../src/lib/forms';

export type FormState = { values?: FormValues; errors?: FieldErrors };

const val = (s: FormState, name: string): string => {
  const v = s.values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

type FieldProps = {
  state: FormState;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  maxlength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  /** Never echo passwords back into the page. */
  noEcho?: boolean;
  value?: string;
  /** Two forms on one page that share a field name need different ids. */
  idPrefix?: string;
  /** The whole id, when it is not `<idPrefix>-<name>`. */
  id?: string;
};

/** A labelled input with its error tied to it (aria-invalid + aria-describedby). */
export function Field(p: FieldProps) {
  const id = p.id ?? `${p.idPrefix ?? 'f'}-${p.name}`;
  const err = p.state.errors?.[p.name];
  const described = [p.hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.noEcho ? undefined : (p.value ?? val(p.state, p.name))}
        required={p.required}
        autocomplete={p.autocomplete}
        maxlength={p.maxlength}
        min={p.min}
        max={p.max}
        step={p.step}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={described}
      />
      {p.hint && <small id={`${id}-hint`}>{p.hint}</small>}
      {err && (
        <small id={`${id}-err`} class="error">
          {err}
        </small>
      )}
    </div>
  );
}

type TextAreaProps = { state: FormState; name: string; label: string; maxlength?: number; hint?: string; rows?: number; value?: string; idPrefix?: string };

export function TextArea(p: TextAreaProps) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const err = p.state.errors?.[p.name];
  const described = [p.hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <textarea id={id} name={p.name} maxlength={p.maxlength} rows={p.rows ?? 3} aria-invalid={err ? 'true' : undefined} aria-describedby={described}>
        {p.value ?? val(p.state, p.name)}
      </textarea>
      {p.hint && <small id={`${id}-hint`}>{p.hint}</small>}
      {err && (
        <small id={`${id}-err`} class="error">
          {err}
        </small>
      )}
    </div>
  );
}

type SelectProps = {
  state: FormState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  required?: boolean;
  idPrefix?: string;
};

export function Select(p: SelectProps) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const err = p.state.errors?.[p.name];
  const current = p.value ?? val(p.state, p.name);
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} required={p.required} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${id}-err` : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
      {err && (
        <small id={`${id}-err`} class="error">
          {err}
        </small>
      )}
    </div>
  );
}

const many = (s: FormState, name: string): string[] => {
  const v = s.values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/**
 * Checkboxes that send one field with many values. The group carries the field's id, so the
 * error summary's link lands on it (tabindex -1 while it has an error: focusable by the link,
 * not by Tab); `empty` is said instead of the boxes when there is nothing to choose.
 */
export function CheckboxGroup(p: {
  state: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  idPrefix?: string;
  empty?: string;
}) {
  const chosen = new Set(many(p.state, p.name));
  const err = p.state.errors?.[p.name];
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  return (
    <fieldset
      id={id}
      tabindex={err ? -1 : undefined}
      class="checkbox-group"
      aria-invalid={err ? 'true' : undefined}
      aria-describedby={err ? `${id}-err` : undefined}
    >
      <legend>{p.legend}</legend>
      {p.options.length === 0 && p.empty ? (
        <p>{p.empty}</p>
      ) : (
        p.options.map((o) => (
          <label>
            <input type="checkbox" name={p.name} value={o.value} checked={chosen.has(o.value)} /> {o.label}
          </label>
        ))
      )}
      {err && (
        <small id={`${id}-err`} class="error">
          {err}
        </small>
      )}
    </fieldset>
  );
}

/** Field names to the words that name them; only string entries count, so a form's own dictionary can be passed. */
export type FieldLabels = Readonly<Record<string, unknown>>;

/**
 * Summary at the top of a failed form, announced to screen readers and focused when the page
 * opens: the browser scrolls to it, also when the form sits far down a long page (only failed
 * forms draw it, so it never takes the focus from a page that opens normally). It lists every
 * field's message as a link to that field (as GOV.UK's error summary does), named by the field's
 * label where `labels` gives it, so "Vul dit veld in." says which field. A field's id is
 * `<idPrefix>-<name>` as Field, Select and TextArea draw it, unless `ids` names another.
 */
export function ErrorSummary(p: {
  state: FormState;
  title: string;
  children?: Child;
  labels?: FieldLabels;
  idPrefix?: string;
  ids?: Readonly<Record<string, string>>;
}) {
  const errs = p.state.errors ? Object.entries(p.state.errors) : [];
  if (errs.length === 0) return null;
  const fields = errs.filter(([name]) => name !== '_form');
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus>
      <strong>{p.title}</strong>
      {p.state.errors?._form && <p>{p.state.errors._form}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, message]) => {
            const label = p.labels?.[name];
            return (
              <li>
                <a href={`#${p.ids?.[name] ?? `${p.idPrefix ?? 'f'}-${name}`}`}>
                  {typeof label === 'string' && label !== '' ? `${label}: ${message}` : message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {p.children}
    </div>
  );
}
