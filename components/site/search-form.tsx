/** The site search box: a plain GET form, no script. */
export function SearchForm({ defaultValue = "", id = "site-search" }: { defaultValue?: string; id?: string }) {
  return (
    <form className="search-form" action="/search" method="get" role="search">
      <label htmlFor={id} className="visually-hidden">
        기사 검색
      </label>
      <input id={id} name="q" type="search" defaultValue={defaultValue} placeholder="검색어를 입력하세요" maxLength={100} autoComplete="off" enterKeyHint="search" />
      <button type="submit">검색</button>
    </form>
  );
}
