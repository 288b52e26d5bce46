"use client";
// The newsroom's menu: laid out in full on a wide screen; on a phone folded behind one button, so
// the header stays one line high (unfolded, its links took a quarter of a 360x800 screen).
import { useState, type MouseEvent, type ReactNode } from "react";

export function NewsroomMenu({ children, waiting }: { children: ReactNode; /** Stories and notifications waiting, shown on the folded button. */ waiting: number }) {
  const [open, setOpen] = useState(false);
  // A link followed from the open menu closes it (the layout, and so this state, stays mounted).
  const closeAfterLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
  };
  return (
    <>
      <button type="button" className="newsroom-menu-button" aria-expanded={open} aria-controls="newsroom-nav" data-testid="newsroom-menu-button" onClick={() => setOpen((value) => !value)}>
        메뉴
        {waiting > 0 && (
          <span className="desk-nav-count">
            {waiting}
            <span className="visually-hidden">건 기다림</span>
          </span>
        )}
      </button>
      {/* Listens only for clicks on the links inside (Enter on a link is a click too). */}
      <div id="newsroom-nav" className={`newsroom-header__menu${open ? " is-open" : ""}`} onClick={closeAfterLink}>
        {children}
      </div>
    </>
  );
}
