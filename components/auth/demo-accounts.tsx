import type { DemoSignInHint } from "@/lib/auth/demo-sign-in";

/** Under the sign-in form of the embedded demo only: the demo accounts and where their password is. */
export function DemoAccounts({ hint }: { hint: DemoSignInHint | null }) {
  if (!hint) return null;
  return (
    <section className="notice demo-accounts" aria-labelledby="demo-accounts-heading">
      <h2 id="demo-accounts-heading" className="demo-accounts__title">
        데모 계정
      </h2>
      <ul className="demo-accounts__list">
        {hint.accounts.map((account) => (
          <li key={account.email}>
            <code>{account.email}</code> {account.name} {account.title}
            {account.permission && ` (${account.permission})`}
          </li>
        ))}
      </ul>
      <p className="demo-accounts__password">
        {hint.password.kind === "file" ? (
          <>
            비밀번호는 네 계정이 같고, 처음 시작할 때 만들어 <code>{hint.password.path}</code> 파일에 저장했습니다 (<code>npm start</code> 화면에도 나옵니다).
          </>
        ) : (
          <>
            비밀번호는 네 계정이 같고, 처음 시작할 때 <code>DEMO_PASSWORD</code>에 넣은 값입니다.
          </>
        )}
      </p>
      <p className="form__hint">이 안내는 이 컴퓨터의 데모(내장 데이터베이스)에만 보입니다.</p>
    </section>
  );
}
