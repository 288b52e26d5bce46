import { publisher, siteCopyright, siteName } from "@/lib/config/site";
import type { PublicSection } from "@/lib/sections/public-queries";
import { KeepWords } from "@/components/site/keep-words";
import { Island } from "@/components/islands/island";
import { BREAKING_TOPIC, sectionTopic } from "@/lib/push/push-topics";
import { pushPublicKey } from "@/lib/push/vapid";

// The paper's legal details, as Korean papers print them at the foot of every page.
export function SiteFooter({ sections }: { sections: PublicSection[] }) {
  const pushKey = pushPublicKey();
  return (
    <footer className="site-footer">
      <div className="container">
        <nav className="site-footer__links" aria-label="사이트 정보">
          <a href="/">{siteName} 홈</a>
          {sections.map((section) => (
            <a key={section.slug} href={`/sections/${section.slug}`}>
              {section.name}
            </a>
          ))}
          <a href="/corrections">
            <KeepWords text="정정·반론" />
          </a>
          <a href="/feed.xml">RSS</a>
          <a href="/newsroom">뉴스룸</a>
        </nav>
        <div className="site-footer__newsletter">
          <Island name="subscribe" props={{ subscription: { topic: "digest" }, buttonLabel: "아침 뉴스레터 받기", description: "매일 아침, 전날 가장 많이 읽힌 기사를 메일로 보내 드립니다." }} />
        </div>
        {pushKey && (
          <div className="site-footer__push">
            <Island
              name="push-opt-in"
              props={{ publicKey: pushKey, label: "속보·섹션 알림 받기", choices: [BREAKING_TOPIC, ...sections.map((section) => ({ topic: sectionTopic(section.id), label: `${section.name} 섹션` }))] }}
            />
          </div>
        )}
        <dl className="site-footer__details">
          <div>
            <dt>제호</dt>
            <dd>{siteName}</dd>
          </div>
          <div>
            <dt>법인명</dt>
            <dd>
              <KeepWords text={publisher.company} />
            </dd>
          </div>
          <div>
            <dt>주소</dt>
            <dd>
              <KeepWords text={publisher.address} />
            </dd>
          </div>
          <div>
            <dt>등록번호</dt>
            <dd>{publisher.registration}</dd>
          </div>
          <div>
            <dt>등록일</dt>
            <dd>{publisher.registeredOn}</dd>
          </div>
          <div>
            <dt>발행인</dt>
            <dd>{publisher.head}</dd>
          </div>
          <div>
            <dt>편집인</dt>
            <dd>{publisher.editor}</dd>
          </div>
          <div>
            <dt>청소년보호책임자</dt>
            <dd>{publisher.youthOfficer}</dd>
          </div>
          <div>
            <dt>전화</dt>
            <dd>
              <a href={`tel:${publisher.phone.replace(/[^0-9+]/g, "")}`}>{publisher.phone}</a>
            </dd>
          </div>
          <div>
            <dt>이메일</dt>
            <dd>
              <a href={`mailto:${publisher.email}`}>{publisher.email}</a>
            </dd>
          </div>
        </dl>
        <p className="site-footer__notice">
          <KeepWords text={`${siteName}의 모든 콘텐츠(기사, 사진)는 저작권법의 보호를 받으며, 무단 전재·복사·배포를 금합니다.`} />
        </p>
        <p className="site-footer__copyright">{siteCopyright}</p>
      </div>
    </footer>
  );
}
