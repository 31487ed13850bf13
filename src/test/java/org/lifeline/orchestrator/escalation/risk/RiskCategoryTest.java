package org.lifeline.orchestrator.escalation.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lifeline.orchestrator.request.RiskLevel;

/**
 * Each warning-sign category in each language: a message that shows it, at the level it gets on its own, and a hard
 * negative that uses the same words in everyday life. Then how combinations raise the level.
 */
class RiskCategoryTest {

  private static final RiskLexicon LEXICON = RiskLexicon.loadDefault();
  private static final RiskDetector DETECTOR = new RiskDetector(LEXICON);

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | suicidal-ideation    | HIGH   | i just wanna end it all
          ru | suicidal-ideation    | HIGH   | хочу сдохнуть просто
          uk | suicidal-ideation    | HIGH   | Хочу піти з життя
          en | self-harm            | MEDIUM | I scratch my arms until I bleed
          ru | self-harm            | MEDIUM | опять порезалась
          uk | self-harm            | MEDIUM | Хочеться зробити собі боляче
          en | plan-or-means        | HIGH   | gonna jump off the bridge tonite
          ru | plan-or-means        | HIGH   | Выпила всю пачку снотворного
          uk | plan-or-means        | HIGH   | ляжу під потяг і все
          en | plan-or-means        | LOW    | I bought a rope yesterday
          ru | plan-or-means        | LOW    | Я накопила снотворное
          uk | plan-or-means        | LOW    | Стою на краю даху
          en | farewell             | LOW    | please forgive me for everything
          ru | farewell             | LOW    | Прощайте все, простите меня
          uk | farewell             | LOW    | Пробачте мені за все
          en | farewell             | MEDIUM | You won't hear from me again
          ru | farewell             | MEDIUM | Это моё последнее сообщение
          uk | farewell             | MEDIUM | Це моє останнє повідомлення
          en | decision-or-deadline | LOW    | I've made up my mind
          ru | decision-or-deadline | LOW    | Я всё решила
          uk | decision-or-deadline | LOW    | Я все вирішила
          en | affairs-in-order     | LOW    | I've been giving away all my things
          ru | affairs-in-order     | LOW    | Написала завещание
          uk | affairs-in-order     | LOW    | Хто подбає про мого кота?
          en | hopelessness         | LOW    | nothing will ever get better
          ru | hopelessness         | LOW    | Ничего никогда не изменится
          uk | hopelessness         | LOW    | Не бачу жодного майбутнього
          en | hopelessness         | MEDIUM | I'm just a burden to my family
          ru | hopelessness         | MEDIUM | Зачем мне вообще жить
          uk | hopelessness         | MEDIUM | Я тягар для родини
          en | loss-of-control      | MEDIUM | I'm scared I'll do something to myself
          ru | loss-of-control      | MEDIUM | Боюсь, что сделаю что-то с собой
          uk | loss-of-control      | MEDIUM | Боюся, що зроблю щось із собою
          en | loss-of-control      | LOW    | I feel like I'm losing control
          ru | loss-of-control      | LOW    | Я теряю контроль над собой
          uk | loss-of-control      | LOW    | Я втрачаю контроль над собою
          en | violence             | MEDIUM | I want to kill my neighbour
          ru | violence             | MEDIUM | Боюсь, что наврежу ребёнку
          uk | violence             | MEDIUM | Хочу вбити сусіда
          en | violence             | HIGH   | He said he would kill me if I leave
          ru | violence             | HIGH   | Он сказал, что убьёт меня, если я уйду
          uk | violence             | HIGH   | Він сказав, що вб'є мене, якщо я піду
          en | abuse                | MEDIUM | My boyfriend chokes me when he's angry
          ru | abuse                | MEDIUM | Муж душил меня вчера
          uk | abuse                | MEDIUM | Чоловік душив мене вчора
          """)
  void aWarningSignOnItsOwnNamesItsCategoryAtItsLevel(
      String language, String category, RiskLevel level, String message) {
    RiskAssessment assessment = DETECTOR.assess(message, language);

    assertThat(assessment.level()).isEqualTo(level);
    assertThat(assessment.signals()).anyMatch(signal -> signal.category().equals(category) && !signal.negated());
    assertThat(DETECTOR.assess(message, null).level()).as("language not given").isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | suicidal-ideation    | I want to end it with my boyfriend
          ru | suicidal-ideation    | Не хочу жить одна
          uk | suicidal-ideation    | Хочу жити в іншому місті
          en | self-harm            | I cut my finger while cooking
          ru | self-harm            | Порезалась, когда готовила салат
          uk | self-harm            | Ріжу папір для аплікації
          en | plan-or-means        | I bought a rope for our camping trip
          ru | plan-or-means        | Врач прописал снотворное на две недели
          uk | plan-or-means        | Сидимо з друзями на даху, дивимося захід сонця
          en | farewell             | Goodbye everyone, see you on Monday!
          ru | farewell             | Прощай, курение! Сегодня первый день без сигарет
          uk | farewell             | Вибачте за запізнення з відповіддю
          en | decision-or-deadline | I've made up my mind, I'm quitting my job
          ru | decision-or-deadline | Скоро всё закончится, осталось два экзамена
          uk | decision-or-deadline | Це мій останній день відпустки
          en | affairs-in-order     | We're moving so I'm giving away my books
          ru | affairs-in-order     | Бабушка написала завещание на дачу
          uk | affairs-in-order     | Роздаю дитячі речі, малий виріс
          en | hopelessness         | I'm hopeless at cooking
          ru | hopelessness         | У этого проекта нет будущего, закрываем
          uk | hopelessness         | Безвихідних ситуацій не буває
          en | loss-of-control      | I can't control myself around chocolate
          ru | loss-of-control      | Я схожу с ума от скуки на карантине
          uk | loss-of-control      | Нічого не можу з собою вдіяти, знову з'їла торт
          en | violence             | We're going to kill them at the game tonight
          ru | violence             | Убью всех комаров в комнате
          uk | violence             | Тато мене вб'є за двійку
          en | abuse                | She beat me at tennis again
          ru | abuse                | Меня бьёт дрожь перед экзаменом
          uk | abuse                | Брат обіграв мене в шахи
          """)
  void everydayUseOfTheSameWordsRaisesNothing(String language, String category, String message) {
    assertThat(DETECTOR.assess(message, language).signals()).isEmpty();
    assertThat(DETECTOR.assess(message, null).signals()).as("language not given").isEmpty();
  }

  @Test
  void theCategoryTablesCoverEveryCategoryInEveryLanguage() {
    Set<String> categories = new HashSet<>(LEXICON.categories());

    assertThat(categories).hasSize(10);
    assertThat(LEXICON.languages()).containsExactlyInAnyOrder("en", "ru", "uk");
  }

  @ParameterizedTest(name = "{0}: {1} + {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | I bought a rope yesterday                 | I bought a rope today
          ru | Купил верёвку                             | Купил верёвку, сделаю это сегодня
          uk | Купив мотузку                             | купив мотузку ввечері зроблю це
          en | I've been saving up my sleeping pills     | I saved my pills, tonight I'm taking them all
          ru | Я накопила снотворное                     | Накопила снотворное, сегодня ночью
          uk | Я накопичила снодійне                     | Накопичила снодійне, сьогодні вночі
          """)
  void aMeansIsLowAloneAndHighWithIntentOrATime(String language, String alone, String withTime) {
    assertThat(DETECTOR.assess(alone, language).level()).isEqualTo(RiskLevel.LOW);

    RiskAssessment combined = DETECTOR.assess(withTime, language);

    assertThat(combined.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(combined.signals().get(0))
        .isEqualTo(new RiskSignal("means-with-intent-or-time", language, RiskLevel.HIGH, "plan-or-means", false));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | Goodbye everyone. I've made up my mind
          ru | Прощайте все. Я всё решила
          uk | Прощавайте всі. Я все вирішила
          en | bye everyone i love you all tonight its over
          ru | простите меня за все сегодня я уйду
          uk | пробачте мене за все сьогодні піду
          """)
  void aFarewellWithADecisionOrATimeIsHigh(String language, String message) {
    RiskAssessment assessment = DETECTOR.assess(message, language);

    assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(assessment.signals()).extracting(RiskSignal::id).contains("farewell-with-intent-or-time");
    assertThat(assessment.signals()).extracting(RiskSignal::category).contains("farewell");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | I've made my decision. Tonight it ends
          ru | Я всё решила. Сегодня
          uk | Завтра мене вже не буде
          """)
  void aDecisionWithATimeIsHigh(String language, String message) {
    RiskAssessment assessment = DETECTOR.assess(message, language);

    assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(assessment.signals()).extracting(RiskSignal::id).contains("decision-with-time");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          en | I gave away my guitar and my books, nothing matters anymore
          ru | Отдала собаку подруге, всё равно ничего не изменится
          uk | Роздаю свої речі. Нічого ніколи не зміниться
          """)
  void twoDifferentIndirectSignsAreMedium(String language, String message) {
    RiskAssessment assessment = DETECTOR.assess(message, language);

    assertThat(assessment.level()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(assessment.signals()).extracting(RiskSignal::id).contains("several-warning-signs");
    assertThat(assessment.signals())
        .extracting(RiskSignal::category)
        .contains("affairs-in-order", "hopelessness");
  }

  @Test
  void aNegatedSignCompletesNoCombination() {
    RiskAssessment assessment = DETECTOR.assess("I never bought a rope. Tonight I sleep", "en");

    assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
    assertThat(assessment.signals()).extracting(RiskSignal::negated).containsOnly(true);
  }

  @Test
  void aTimeAloneIsNoSignal() {
    assertThat(DETECTOR.assess("Can we talk tonight? Tomorrow is fine too", "en").signals()).isEmpty();
    assertThat(DETECTOR.assess("Сегодня вечером или завтра", "ru").signals()).isEmpty();
  }

  @Test
  void aCombinationAddsNothingWhereItsSignsAreAlreadyThatHigh() {
    List<RiskSignal> signals = DETECTOR.assess("I want to kill myself tonight", "en").signals();

    assertThat(signals).extracting(RiskSignal::id).containsExactly("en-kill-myself");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          hochu umeret              | HIGH
          ne hochu zhyty            | HIGH
          ya vse reshila segodnya   | HIGH
          proshchayte vse           | LOW
          """)
  void russianAndUkrainianTypedInLatinLettersAreRead(String message, RiskLevel level) {
    assertThat(DETECTOR.assess(message, null).level()).isEqualTo(level);
  }

  @Test
  void anAnswerWordWithoutACommaNegatesNothing() {
    assertThat(DETECTOR.assess("нет я хочу умереть", "ru").level()).isEqualTo(RiskLevel.HIGH);
    assertThat(DETECTOR.assess("no i want to die", "en").level()).isEqualTo(RiskLevel.HIGH);
    assertThat(DETECTOR.assess("нет я не хочу умирать", "ru").signals()).allMatch(RiskSignal::negated);
  }
}
